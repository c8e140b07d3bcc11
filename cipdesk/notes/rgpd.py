"""Confidential notes in the right of access (issue #18, point 7; security/rgpd.py): the notes written
about the person's records; the text is given only when its author decided to include it (the
decision is the droits module's, passed in `notes_incluses`)."""
from __future__ import annotations

import uuid

from sqlalchemy import or_, select

from cipdesk.security import rgpd
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.security.chiffrement import ouvrir_ou_signaler, sceller


def _notes(session, objets: dict) -> list[NoteConfidentielle]:
    # A note hangs on a record by its UUID (rows with integer ids, e.g. a réunion's participant, carry none).
    par_type = {code: [i for i in ids if isinstance(i, uuid.UUID)] for code, ids in objets.items()}
    conditions = [(NoteConfidentielle.objet_type == code) & NoteConfidentielle.objet_id.in_(ids)
                  for code, ids in par_type.items() if ids]
    if not conditions:
        return []
    return list(session.scalars(select(NoteConfidentielle).where(or_(*conditions))
                                .order_by(NoteConfidentielle.created_at)))


def exporter_notes(session, contexte: rgpd.ContexteExport) -> list[rgpd.Section]:
    lignes, notes = [], _notes(session, contexte.objets)
    for note in notes:
        ligne = {"id": str(note.id), "auteur_id": str(note.auteur_id), "auteur": note.auteur.nom_complet,
                 "ecrite_le": rgpd.valeur_lisible(note.created_at), "objet_type": note.objet_type,
                 "objet_id": str(note.objet_id or "")}
        if note.id in contexte.notes_incluses:
            # decrypted here; the read is journalled by the export itself (one row per note)
            ligne["contenu"] = ouvrir_ou_signaler(session, note, "contenu")[0]
        lignes.append(ligne)
    contexte.objets.setdefault("note_confidentielle", set()).update(n.id for n in notes)
    return [rgpd.Section("note_confidentielle", "note confidentielle", lignes)]


exporter_notes.tardif = True  # runs after the others: the notes hang on their records
exporter_notes.codes = ("note_confidentielle",)


def effacer_notes(session, personne, objets=None) -> int:  # noqa: ARG001
    n = 0
    for note in _notes(session, objets or {}):
        if note.contenu_chiffre is not None:
            sceller(session, note, "contenu", "")
            n += 1
    return n


effacer_notes.tardif = True
EXPORT = (exporter_notes,)
EFFACEMENT = (effacer_notes,)
