"""Queries of the étapes: their timeline provider."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import CibleDeLien, Evenement
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.etapes.models import Etape, EtapeEvenement, NatureEvenement
from cipdesk.parcours.etapes.rules import StatutEtape
from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS  # noqa: F401  (read by the tableau de bord)
from cipdesk.personnes.models import Personne


def _statut(code: str) -> str:
    try:
        return StatutEtape(code).libelle.lower()
    except ValueError:
        return code


def chronologie(session: Session, personne, lecteur) -> list[Evenement]:
    """Timeline provider: every event of the person's étapes (creation, change of
    status, réajustement), in one query."""
    evenements = session.scalars(
        select(EtapeEvenement).join(Etape, Etape.id == EtapeEvenement.etape_id)
        .join(Parcours, Parcours.id == Etape.parcours_id)
        .where(Parcours.personne_id == personne.id)
        .options(joinedload(EtapeEvenement.etape), joinedload(EtapeEvenement.par))).all()
    lignes = []
    for e in evenements:
        if e.nature == NatureEvenement.CREATION:
            titre = f"Étape prévue : {e.etape.intitule}"
        elif e.nature == NatureEvenement.REAJUSTEMENT:
            titre = f"Étape réajustée : {e.etape.intitule}"
        else:
            titre = f"Étape {_statut(e.statut_apres)} : {e.etape.intitule}"
        detail = f"par {e.par.nom_complet}" + (f" — {e.motif}" if e.motif else "")
        lignes.append(Evenement(e.le, e.saisi_le, "etape", titre, detail, "parcours.contrat.voir",
                                (("parcours_id", e.etape.parcours_id),)))
    return lignes


def cibles_de_veille(session: Session, utilisateur) -> list[CibleDeLien]:
    """The latest étapes of the people of the reader's perimeter, to link a fiche de veille to
    (issue #15, read through the module contract)."""
    from cipdesk.personnes.queries import perimetre_de

    perimetre = perimetre_de(session, utilisateur)
    lignes = session.execute(select(Etape, Personne).join(Parcours, Etape.parcours_id == Parcours.id)
                             .join(Personne, Parcours.personne_id == Personne.id)
                             .where(perimetre.condition(Personne, Utilisateur))
                             .order_by(Etape.created_at.desc()).limit(30))
    return [CibleDeLien("etape", e.id, f"Étape « {e.type_libelle} » de {p.prenom} {p.nom}") for e, p in lignes]
