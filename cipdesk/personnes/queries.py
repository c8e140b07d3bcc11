"""Queries on the person, the hub of cipdesk: alerts gathered from every module."""
from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Alerte, registre
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy


def alertes_pour(session: Session, personne_ids: list[uuid.UUID] | Select, aujourd_hui: date
                 ) -> dict[uuid.UUID, list[Alerte]]:
    """Alerts by person, from every module's providers, gravest first.

    `personne_ids` is a list of ids (a page of the caseload) or a SELECT of ids (a
    whole perimeter: the providers filter with IN (subquery)); each provider answers
    for all of them in ONE query."""
    resultat: dict[uuid.UUID, list[Alerte]] = defaultdict(list)
    if not isinstance(personne_ids, Select):
        personne_ids = list(personne_ids)
        if not personne_ids:
            return resultat
    for fournisseur in registre.alertes():
        for alerte in fournisseur(session, personne_ids, aujourd_hui):
            resultat[alerte.personne_id].append(alerte)
    for alertes in resultat.values():
        alertes.sort(key=lambda a: -a.gravite)
    return resultat


def mes_alertes(session: Session, utilisateur, aujourd_hui: date) -> list[tuple[Personne, list[Alerte]]]:
    """« Mes alertes » of the home page: every module's alerts for the people of a
    conseiller's own caseload or a chef de service's team, gravest first."""
    perimetre = policy.perimetre(utilisateur)
    if perimetre.genre == "aucun":
        return []
    # The providers filter on a subquery of the perimeter (not a list of thousands of
    # ids); only the people who do have alerts are then loaded.
    ids = select(Personne.id).where(perimetre.condition(Personne, Utilisateur),
                                    Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
    alertes = alertes_pour(session, ids, aujourd_hui)
    if not alertes:
        return []
    personnes = session.scalars(select(Personne).where(Personne.id.in_(list(alertes)))
                                .order_by(Personne.nom, Personne.prenom)).all()
    lignes = [(p, alertes[p.id]) for p in personnes]
    return sorted(lignes, key=lambda ligne: -max(a.gravite for a in ligne[1]))


def contexte_acces(session: Session, personne: Personne) -> dict:
    """The facts the policy needs about a person: the référent's team and whether
    the structure shares caseloads (one query)."""
    from cipdesk.comptes.models import Structure

    equipe_id, parametres = session.execute(
        select(Utilisateur.equipe_id, Structure.parametres)
        .select_from(Structure)
        .outerjoin(Utilisateur, Utilisateur.id == personne.referent_id)
        .where(Structure.id == personne.structure_id)
    ).one()
    return {"equipe_du_referent": equipe_id,
            "file_active_partagee": bool((parametres or {}).get(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE))}


def garde_personne(session: Session, utilisateur, personne: Personne, modifier: bool) -> bool:
    """The loader's guard for a person (web.chargement): the policy's perimeter."""
    contexte = contexte_acces(session, personne)
    if modifier:
        return policy.peut_modifier_personne(utilisateur, personne, **contexte)
    return policy.peut_voir_personne(utilisateur, personne, **contexte)


def garde_dossier(session: Session, utilisateur, objet, modifier: bool) -> bool:
    """The loader's guard for any record about a person (accueil, diagnostic,
    parcours, entretien…): whoever may see (or write about) that person."""
    personne = objet.personne if hasattr(objet, "personne") else objet.parcours.personne
    return garde_personne(session, utilisateur, personne, modifier)


def conseillers_de_la_structure(session: Session, structure_id) -> list[Utilisateur]:
    """The active conseillers of a structure, by name: the people a person, a parcours
    or a note can be entrusted to (the one definition of « conseillers of the structure »)."""
    from cipdesk.comptes.models import Role

    return list(session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == structure_id, Utilisateur.role == Role.CONSEILLER,
        Utilisateur.actif.is_(True)).order_by(Utilisateur.nom, Utilisateur.prenom)))
