"""Queries of the orientation: the partners one may orient to, and the
orientation part of the person's timeline."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import CibleDeLien, Evenement, SourceDAlertes, SourceDeChronologie
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import perimetre_de as _perimetre
from cipdesk.territoire.partenaires.models import Partenaire


def partenaires_actifs(session: Session, structure_id) -> list[Partenaire]:
    return list(session.scalars(select(Partenaire).where(Partenaire.structure_id == structure_id,
                                                         Partenaire.actif.is_(True)).order_by(Partenaire.nom)))


def _orientations(personne_id, lecteur_id):  # noqa: ARG001
    return select(Orientation.id.label("objet_id"), Orientation.date_orientation.label("le"),
                  Orientation.created_at.label("saisi"), Partenaire.nom.label("texte"),
                  Orientation.reponse.label("texte2"), Orientation.reponse_le.label("le2")) \
        .join(Partenaire, Partenaire.id == Orientation.partenaire_id).where(Orientation.personne_id == personne_id)


def _lire_orientations(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(o.le, o.saisi, "orientation", f"Orientation vers {o.texte}",
                      f"Réponse : {ReponsePartenaire(o.texte2).libelle}" + (f" le {o.le2:%d/%m/%Y}" if o.le2 else ""),
                      "accueil.orientation.voir", (("orientation_id", o.objet_id),))
            for o in lignes]


# Orientations with the partner's answer (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_orientations, _lire_orientations)


# -- read by the territoire module through the module contract (répertoire and cartography
#    of the network, REAC CP4; veille links), issue #15 --------------------------------------
def bilans_par_partenaire(session: Session, structure_id) -> dict:
    """partner id → {answer code: number of orientations} for the whole structure (counts only,
    nothing about the people)."""
    lignes = session.execute(select(Orientation.partenaire_id, Orientation.reponse, func.count())
                             .where(Orientation.structure_id == structure_id)
                             .group_by(Orientation.partenaire_id, Orientation.reponse))
    bilans: dict = {}
    for partenaire_id, reponse, nombre in lignes:
        bilans.setdefault(partenaire_id, {})[getattr(reponse, "value", reponse)] = nombre
    return bilans


def orientations_vers(session: Session, utilisateur, partenaire_id) -> list[Orientation]:
    """The orientations to one partner of the people the reader may see (the policy's one
    perimeter), newest first."""
    condition = _perimetre(session, utilisateur).condition(Personne, Utilisateur)
    return list(session.scalars(select(Orientation).join(Personne, Orientation.personne_id == Personne.id)
                                .where(Orientation.partenaire_id == partenaire_id, condition)
                                .options(joinedload(Orientation.personne))
                                .order_by(Orientation.date_orientation.desc()).limit(200)))


def cibles_de_veille(session: Session, utilisateur) -> list[CibleDeLien]:
    """The reader's own latest orientations, to link a fiche de veille to."""
    return [CibleDeLien("orientation", o.id, f"Orientation du {o.date_orientation:%d/%m/%Y} vers {o.partenaire.nom} "
                                             f"({o.personne.prenom} {o.personne.nom})")
            for o in session.scalars(select(Orientation).where(Orientation.conseiller_id == utilisateur.id)
                                     .options(joinedload(Orientation.partenaire), joinedload(Orientation.personne))
                                     .order_by(Orientation.date_orientation.desc()).limit(30))]
def _sans_reponse(personne_ids, aujourd_hui):
    from cipdesk.accueil.orientation import rules
    from cipdesk.accueil.orientation.models import ReponsePartenaire
    from cipdesk.comptes.models import Structure

    return (select(Orientation.id.label("objet_id"), Orientation.personne_id.label("personne_id"),
                   Orientation.date_orientation.label("le"), Partenaire.nom.label("texte"),
                   Structure.parametres[rules.PARAMETRE_DELAI].label("reglage"))
            .join(Partenaire, Partenaire.id == Orientation.partenaire_id)
            .join(Structure, Structure.id == Orientation.structure_id)
            .where(Orientation.personne_id.in_(personne_ids), Orientation.reponse == ReponsePartenaire.EN_ATTENTE))


def _lire_sans_reponse(lignes, aujourd_hui):
    from cipdesk.accueil.orientation import rules
    from cipdesk.core.contrat import Alerte

    alertes = []
    for l in lignes:
        oid, pid, le, partenaire = l.objet_id, l.personne_id, l.le, l.texte
        niveau = rules.relance(le, aujourd_hui, rules.delai_reponse({rules.PARAMETRE_DELAI: l.reglage}))
        cible = {"endpoint": "accueil.orientation.voir", "params": (("orientation_id", oid), ("_anchor", "reponse-partenaire"))}
        if niveau == "relance":
            alertes.append(Alerte(pid, "orientation_sans_reponse", f"Orientation vers {partenaire} sans réponse "
                                  f"depuis le {le:%d/%m/%Y} : relancer le partenaire", 2, "orientation", oid, **cible))
        elif niveau == "a_clore":
            alertes.append(Alerte(pid, "orientation_a_clore", f"Orientation vers {partenaire} sans réponse depuis "
                                  f"le {le:%d/%m/%Y} : la déclarer expirée, avec son motif", 3, "orientation", oid,
                                  **cible))
    return alertes


def _classer_sans_reponse(personne_ids, aujourd_hui, reglages: dict):
    from datetime import timedelta

    from sqlalchemy import case, literal

    from cipdesk.accueil.orientation import rules
    from cipdesk.accueil.orientation.models import ReponsePartenaire

    # rules.relance: « relance » past the delay (days > delay), « à clore » past twice the delay
    delai = rules.delai_reponse(reglages)
    return (select(Orientation.personne_id.label("personne_id"),
                   case((Orientation.date_orientation < aujourd_hui - timedelta(days=2 * delai), literal(3)),
                        else_=literal(2)).label("gravite"))
            .where(Orientation.personne_id.in_(personne_ids), Orientation.reponse == ReponsePartenaire.EN_ATTENTE,
                   Orientation.date_orientation < aujourd_hui - timedelta(days=delai)))


# Alert provider (issue #11, point 8): an orientation awaiting the partner's answer past the
# structure's delay is to be followed up; past twice the delay, to be closed as expired with its
# reason. One query for all the ids.
alertes_sans_reponse = SourceDAlertes(_sans_reponse, _lire_sans_reponse, _classer_sans_reponse)
