"""Queries of the étapes: their timeline provider."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import CibleDeLien, Evenement, SourceDeChronologie
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.etapes.models import Etape, EtapeEvenement, NatureEvenement
from cipdesk.parcours.etapes.rules import StatutEtape
from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS  # noqa: F401  (read by the tableau de bord)
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import dechiffrer


def _statut(code: str) -> str:
    try:
        return StatutEtape(code).libelle.lower()
    except ValueError:
        return code


def _evenements(personne_id, lecteur_id):  # noqa: ARG001
    return select(EtapeEvenement.id.label("n"), EtapeEvenement.structure_id.label("structure_id"),
                  EtapeEvenement.nature.label("texte"), EtapeEvenement.statut_apres.label("texte2"),
                  EtapeEvenement.le.label("le"), EtapeEvenement.saisi_le.label("saisi"),
                  EtapeEvenement.motif_chiffre.label("chiffre2"), Etape.id.label("autre_id"),
                  Etape.intitule_chiffre.label("chiffre"), Etape.parcours_id.label("objet_id"),
                  Utilisateur.prenom.label("texte3"), Utilisateur.nom.label("texte4")) \
        .join(Etape, Etape.id == EtapeEvenement.etape_id).join(Parcours, Parcours.id == Etape.parcours_id) \
        .outerjoin(Utilisateur, Utilisateur.id == EtapeEvenement.par_id).where(Parcours.personne_id == personne_id)


def _lire_evenements(lignes, session, lecteur) -> list[Evenement]:
    evenements = []
    for e in lignes:
        intitule = dechiffrer(session, "etape", "intitule", e.structure_id, e.autre_id, e.chiffre)
        if e.texte == NatureEvenement.CREATION.value:
            titre = f"Étape prévue : {intitule}"
        elif e.texte == NatureEvenement.REAJUSTEMENT.value:
            titre = f"Étape réajustée : {intitule}"
        else:
            titre = f"Étape {_statut(e.texte2)} : {intitule}"
        motif = dechiffrer(session, "etape_evenement", "motif", e.structure_id, e.n, e.chiffre2)
        detail = f"par {e.texte3} {e.texte4}" + (f" — {motif}" if motif else "")
        evenements.append(Evenement(e.le, e.saisi, "etape", titre, detail, "parcours.contrat.voir",
                                    (("parcours_id", e.objet_id),)))
    return evenements


# Timeline source: every event of the person's étapes (creation, change of status, réajustement),
# a part of the person's one timeline statement.
chronologie = SourceDeChronologie(_evenements, _lire_evenements)


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
