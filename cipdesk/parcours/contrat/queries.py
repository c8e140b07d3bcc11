"""Queries of the parcours module, with explicit eager loads (the parcours page
issues the same number of queries whatever the number of étapes/entretiens)."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.parcours.contrat.models import NatureVersion, Parcours, VersionContrat
from cipdesk.parcours.contrat.rules import StatutParcours
from cipdesk.parcours.contrat.rules import JOURS_SANS_CONTACT_DEFAUT  # noqa: F401  (read by the tableau de bord)
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy


def _cible(relation):
    """The class a relationship of Parcours points to: the sub-packages (étapes,
    entretiens, projet, exit) import this one, never the reverse (no import cycle)."""
    return relation.property.mapper.class_


def parcours_complet(session: Session, parcours_id: uuid.UUID) -> Parcours | None:
    """A parcours with everything its page shows, in a fixed number of queries."""
    Etape, Entretien = _cible(Parcours.etapes), _cible(Parcours.entretiens)  # noqa: N806
    Sortie, Projet = _cible(Parcours.sortie), _cible(Parcours.projet)  # noqa: N806
    EtapeEvenement, Confrontation = _cible(Etape.evenements), _cible(Projet.confrontations)  # noqa: N806
    return session.scalars(
        select(Parcours).where(Parcours.id == parcours_id)
        .options(
            joinedload(Parcours.personne).joinedload(Personne.referent),
            joinedload(Parcours.referent),
            # the étapes with their history in one query (a few events each); the contract's versions
            # (one to three) with the parcours itself
            selectinload(Parcours.etapes).joinedload(Etape.evenements).joinedload(EtapeEvenement.par),
            selectinload(Parcours.entretiens).joinedload(Entretien.conseiller),
            joinedload(Parcours.versions_contrat),
            joinedload(Parcours.sortie).selectinload(Sortie.suivis),
            joinedload(Parcours.projet).selectinload(Projet.metiers),
            joinedload(Parcours.projet).selectinload(Projet.confrontations)
            .joinedload(Confrontation.metier),
        )
    ).unique().one_or_none()


def parcours_de_la_personne(session: Session, personne_id: uuid.UUID) -> list[Parcours]:
    return list(session.scalars(select(Parcours).where(Parcours.personne_id == personne_id)
                                .order_by(Parcours.debut.desc())))


def parcours_ouvert(session: Session, personne_id: uuid.UUID) -> Parcours | None:
    return session.scalar(select(Parcours).where(Parcours.personne_id == personne_id,
                                                 Parcours.statut == StatutParcours.OUVERT))


def _perimetre(utilisateur):
    """« My people » on the parcours pages: the policy's perimeter, without the
    structure's shared caseload (a conseiller's own caseload, a chef de service's
    team); None for whoever follows no caseload (the admin)."""
    perimetre = policy.perimetre(utilisateur)
    if perimetre.genre == "aucun":
        return None
    return perimetre.condition(Personne, Utilisateur)


def personnes_suivies(session: Session, utilisateur) -> list[Personne]:
    """People of the user's caseload (or team) still accompanied, for the home alerts."""
    condition = _perimetre(utilisateur)
    if condition is None:
        return []
    return list(session.scalars(
        select(Personne).where(condition,
                               Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom, Personne.prenom)))


def liste_parcours(session: Session, utilisateur, *, statut: StatutParcours | None = None) -> list[Parcours]:
    """The parcours of the user's caseload or team."""
    condition = _perimetre(utilisateur)
    if condition is None:
        return []
    requete = (select(Parcours).join(Parcours.personne)
               .where(condition)
               .options(joinedload(Parcours.personne), joinedload(Parcours.referent))
               .order_by(Parcours.statut.desc(), Personne.nom, Personne.prenom))
    if statut is not None:
        requete = requete.where(Parcours.statut == statut)
    return list(session.scalars(requete))


def _versions(personne_id, lecteur_id):  # noqa: ARG001
    return select(VersionContrat.parcours_id.label("objet_id"), VersionContrat.le.label("le"),
                  VersionContrat.cree_le.label("saisi"), VersionContrat.nature.label("texte"),
                  VersionContrat.numero.label("n"), Parcours.dispositif_libelle.label("texte2"),
                  VersionContrat.signe_le.label("le2")) \
        .join(Parcours, Parcours.id == VersionContrat.parcours_id).where(Parcours.personne_id == personne_id)


def _lire_versions(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(v.le, v.saisi, "parcours",
                      f"{NatureVersion(v.texte).libelle} du contrat d'accompagnement"
                      + (f" (n° {v.n})" if v.n > 1 else ""),
                      f"{v.texte2}" + (f" — signé le {v.le2:%d/%m/%Y}" if v.le2 else " — à signer"),
                      "parcours.contrat.voir", (("parcours_id", v.objet_id),))
            for v in lignes]


# Timeline source: every signed state of the person's contracts (initial, avenant, renouvellement),
# a part of the person's one timeline statement.
chronologie = SourceDeChronologie(_versions, _lire_versions)
