"""Queries of the parcours module, with explicit eager loads (the parcours page
issues the same number of queries whatever the number of étapes/entretiens)."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.parcours.models import Entretien, Etape, EtapeEvenement, Parcours
from cipdesk.parcours.projet_models import Confrontation, Projet
from cipdesk.parcours.rules import StatutParcours
from cipdesk.parcours.sortie_models import Sortie
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security.policy import PARAMETRE_FILE_ACTIVE_PARTAGEE


def contexte_acces(session: Session, personne: Personne) -> dict:
    """The facts `policy.peut_voir_personne` needs: the référent's team and
    whether the structure shares caseloads."""
    equipe_id, parametres = session.execute(
        select(Utilisateur.equipe_id, Structure.parametres)
        .select_from(Structure)
        .outerjoin(Utilisateur, Utilisateur.id == personne.referent_id)
        .where(Structure.id == personne.structure_id)
    ).one()
    return {"equipe_du_referent": equipe_id,
            "file_active_partagee": bool((parametres or {}).get(PARAMETRE_FILE_ACTIVE_PARTAGEE))}


def parcours_complet(session: Session, parcours_id: uuid.UUID) -> Parcours | None:
    """A parcours with everything its page shows, in a fixed number of queries."""
    return session.scalar(
        select(Parcours).where(Parcours.id == parcours_id)
        .options(
            joinedload(Parcours.personne).joinedload(Personne.referent),
            joinedload(Parcours.referent),
            selectinload(Parcours.etapes).selectinload(Etape.evenements).joinedload(EtapeEvenement.par),
            selectinload(Parcours.entretiens).joinedload(Entretien.conseiller),
            selectinload(Parcours.versions_contrat),
            joinedload(Parcours.sortie).selectinload(Sortie.suivis),
            joinedload(Parcours.projet).selectinload(Projet.metiers),
            joinedload(Parcours.projet).selectinload(Projet.confrontations)
            .joinedload(Confrontation.metier),
        )
    )


def parcours_de_la_personne(session: Session, personne_id: uuid.UUID) -> list[Parcours]:
    return list(session.scalars(select(Parcours).where(Parcours.personne_id == personne_id)
                                .order_by(Parcours.debut.desc())))


def parcours_ouvert(session: Session, personne_id: uuid.UUID) -> Parcours | None:
    return session.scalar(select(Parcours).where(Parcours.personne_id == personne_id,
                                                 Parcours.statut == StatutParcours.OUVERT))


def _perimetre(utilisateur):
    """Condition on Personne for « my people »: a conseiller's caseload, a
    chef de service's team; nothing for an admin."""
    if utilisateur.role == Role.CONSEILLER:
        return Personne.referent_id == utilisateur.id
    if utilisateur.role == Role.CHEF_DE_SERVICE and utilisateur.equipe_id is not None:
        equipe = select(Utilisateur.id).where(Utilisateur.equipe_id == utilisateur.equipe_id)
        return Personne.referent_id.in_(equipe)
    return None


def personnes_suivies(session: Session, utilisateur) -> list[Personne]:
    """People of the user's caseload (or team) still accompanied, for the home alerts."""
    condition = _perimetre(utilisateur)
    if condition is None:
        return []
    return list(session.scalars(
        select(Personne).where(Personne.structure_id == utilisateur.structure_id, condition,
                               Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom, Personne.prenom)))


def liste_parcours(session: Session, utilisateur, *, statut: StatutParcours | None = None) -> list[Parcours]:
    """The parcours of the user's caseload or team."""
    condition = _perimetre(utilisateur)
    if condition is None:
        return []
    requete = (select(Parcours).join(Parcours.personne)
               .where(Parcours.structure_id == utilisateur.structure_id, condition)
               .options(joinedload(Parcours.personne), joinedload(Parcours.referent))
               .order_by(Parcours.statut.desc(), Personne.nom, Personne.prenom))
    if statut is not None:
        requete = requete.where(Parcours.statut == statut)
    return list(session.scalars(requete))


def personne_de_la_structure(session: Session, utilisateur, personne_id: uuid.UUID) -> Personne | None:
    return session.scalar(select(Personne).where(Personne.id == personne_id,
                                                 Personne.structure_id == utilisateur.structure_id))


