"""Access policy: every "who may do what" decision of cipdesk, in one place.

Plain functions over plain objects, so they are unit-tested without Flask.
Views load objects through `charger` (scoped to the user's structure: another
structure's object is *not found*, 404) and then ask a `peut_*` question
(a forbidden action is 403).
"""
from __future__ import annotations

import uuid

from cipdesk.comptes.models import Role


class Introuvable(Exception):
    """Answered as 404: the object does not exist *for this user*."""


class Interdit(Exception):
    """Answered as 403: the object exists for this user, the action is not theirs."""


def meme_structure(utilisateur, obj) -> bool:
    return obj is not None and getattr(obj, "structure_id", None) == utilisateur.structure_id


def est_admin(utilisateur) -> bool:
    return utilisateur.role == Role.ADMIN


def est_chef(utilisateur) -> bool:
    return utilisateur.role == Role.CHEF_DE_SERVICE


def est_conseiller(utilisateur) -> bool:
    return utilisateur.role == Role.CONSEILLER


# -- administration ---------------------------------------------------------------
def peut_administrer(utilisateur) -> bool:
    """Structures, équipes, comptes: the instance's administrators only."""
    return est_admin(utilisateur)


def peut_consulter_audit(utilisateur) -> bool:
    return est_admin(utilisateur)


# -- notes confidentielles -------------------------------------------------------
def peut_ecrire_note(utilisateur) -> bool:
    """Notes are written by the professionals who accompany people."""
    return est_conseiller(utilisateur)


def peut_lire_note(utilisateur, note, lecteurs_ids: set[uuid.UUID]) -> bool:
    """Author and explicit readers only: not the hierarchy, not the admin
    (SECURITY.md, "Confidential notes")."""
    if not meme_structure(utilisateur, note):
        return False
    return note.auteur_id == utilisateur.id or utilisateur.id in lecteurs_ids


def peut_modifier_note(utilisateur, note) -> bool:
    return meme_structure(utilisateur, note) and note.auteur_id == utilisateur.id


def peut_partager_note_avec(utilisateur, note, collegue) -> bool:
    """The author shares with a conseiller of the same structure, never across
    structures nor with the hierarchy."""
    return (
        peut_modifier_note(utilisateur, note)
        and collegue is not None
        and collegue.id != utilisateur.id
        and collegue.structure_id == note.structure_id
        and collegue.role == Role.CONSEILLER
        and collegue.actif
    )


def voit_la_note_dans_la_liste(utilisateur, note, lecteurs_ids: set[uuid.UUID]) -> bool:
    return peut_lire_note(utilisateur, note, lecteurs_ids)


# -- personnes accompagnées ------------------------------------------------------
PARAMETRE_FILE_ACTIVE_PARTAGEE = "file_active_partagee"


def peut_voir_personne(utilisateur, personne, *, equipe_du_referent=None,
                       file_active_partagee: bool = False) -> bool:
    """A conseiller sees their own caseload, and colleagues' when the structure
    allows it (setting `file_active_partagee`); a chef de service sees the
    caseloads of their team (`equipe_du_referent` is the référent's équipe id);
    the admin manages accounts, not people. Nothing crosses structures."""
    if not meme_structure(utilisateur, personne):
        return False
    if est_conseiller(utilisateur):
        return personne.referent_id == utilisateur.id or file_active_partagee
    if est_chef(utilisateur):
        return utilisateur.equipe_id is not None and equipe_du_referent == utilisateur.equipe_id
    return False


def peut_modifier_personne(utilisateur, personne, **contexte) -> bool:
    """Records about a person are written by conseillers who may see them."""
    return est_conseiller(utilisateur) and peut_voir_personne(utilisateur, personne, **contexte)


# -- loading ---------------------------------------------------------------------
def verifier_structure(utilisateur, obj):
    """Return obj if it belongs to the user's structure, else raise Introuvable."""
    if not meme_structure(utilisateur, obj):
        raise Introuvable()
    return obj


def exiger(condition: bool) -> None:
    if not condition:
        raise Interdit()
