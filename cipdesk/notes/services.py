"""Use cases of the confidential notes. They flush, never commit."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.notes.models import NoteConfidentielle, NoteLecteur
from cipdesk.notes.queries import lire_note  # noqa: F401  (re-exported: the audited read is a query)
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.chiffrement import sceller

LONGUEUR_MAX = 20_000
MESSAGE_CONFLIT = ("Cette note a été modifiée entre-temps (dans un autre onglet ?). Votre texte est "
                   "conservé ci-dessous : rechargez la note pour voir la version enregistrée.")


def _valider_contenu(contenu: str) -> str:
    contenu = (contenu or "").strip()
    if not contenu:
        raise ErreurMetier("La note ne peut pas être vide.", "contenu")
    if len(contenu) > LONGUEUR_MAX:
        raise ErreurMetier(f"La note ne doit pas dépasser {LONGUEUR_MAX} caractères.", "contenu")
    return contenu


def ecrire_note(session: Session, *, auteur: Utilisateur, contenu: str,
                objet_type: str = "", objet_id: uuid.UUID | None = None) -> NoteConfidentielle:
    policy.exiger(policy.peut_ecrire_note(auteur))
    note = NoteConfidentielle(id=uuid.uuid4(), structure_id=auteur.structure_id,
                              auteur_id=auteur.id, objet_type=objet_type, objet_id=objet_id)
    sceller(session, note, "contenu", _valider_contenu(contenu))
    session.add(note)
    session.flush()
    journaliser(session, acteur=auteur, action=Action.CREATION,
                objet_type="note_confidentielle", objet_id=note.id)
    return note


def modifier_note(session: Session, *, auteur: Utilisateur, note: NoteConfidentielle,
                  contenu: str, version: int) -> NoteConfidentielle:
    policy.verifier_structure(auteur, note)
    policy.exiger(policy.peut_modifier_note(auteur, note))
    if version != note.version:
        raise ErreurMetier(MESSAGE_CONFLIT, "contenu")
    sceller(session, note, "contenu", _valider_contenu(contenu))
    try:
        session.flush()
    except StaleDataError:
        # A colleague's tab saved first: refuse, never overwrite (their text is kept by the form).
        session.rollback()
        raise ErreurMetier(MESSAGE_CONFLIT, "contenu") from None
    journaliser(session, acteur=auteur, action=Action.MODIFICATION,
                objet_type="note_confidentielle", objet_id=note.id)
    return note


def partager_note(session: Session, *, auteur: Utilisateur, note: NoteConfidentielle,
                  collegue: Utilisateur | None) -> NoteLecteur:
    policy.verifier_structure(auteur, note)
    policy.exiger(policy.peut_modifier_note(auteur, note))
    if not policy.peut_partager_note_avec(auteur, note, collegue):
        raise ErreurMetier("Choisissez un·e conseiller·ère de votre structure.", "collegue")
    if collegue.id in note.lecteurs_ids:
        raise ErreurMetier(f"La note est déjà partagée avec {collegue.nom_complet}.", "collegue")
    lien = NoteLecteur(note=note, utilisateur_id=collegue.id, structure_id=note.structure_id,
                       partage_par_id=auteur.id)
    session.add(lien)
    session.flush()
    journaliser(session, acteur=auteur, action=Action.PARTAGE, objet_type="note_confidentielle",
                objet_id=note.id, details={"avec": str(collegue.id)})
    return lien


def retirer_partage(session: Session, *, auteur: Utilisateur, note: NoteConfidentielle,
                    collegue_id: uuid.UUID) -> None:
    policy.verifier_structure(auteur, note)
    policy.exiger(policy.peut_modifier_note(auteur, note))
    for lien in list(note.lecteurs):
        if lien.utilisateur_id == collegue_id:
            note.lecteurs.remove(lien)
    session.flush()
    journaliser(session, acteur=auteur, action=Action.PARTAGE, objet_type="note_confidentielle",
                objet_id=note.id, details={"retire": str(collegue_id)})


def notes_visibles(session: Session, utilisateur: Utilisateur):
    """Notes the user wrote or that were shared with them, newest first."""
    partagees = select(NoteLecteur.note_id).where(NoteLecteur.utilisateur_id == utilisateur.id)
    return session.scalars(
        select(NoteConfidentielle)
        .where(NoteConfidentielle.structure_id == utilisateur.structure_id)
        .where((NoteConfidentielle.auteur_id == utilisateur.id) | NoteConfidentielle.id.in_(partagees))
        .order_by(NoteConfidentielle.created_at.desc())
    ).all()
