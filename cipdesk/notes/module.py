"""Confidential notes in the module contract (SECURITY.md)."""
from __future__ import annotations

from cipdesk.core import signaux
from cipdesk.core.contrat import Module, TypeObjet


def _recepteurs() -> None:
    from cipdesk.notes.services import ecrire_note

    def _note(session, *, auteur, contenu, objet_type, objet_id, **_kw):
        return ecrire_note(session, auteur=auteur, contenu=contenu, objet_type=objet_type, objet_id=objet_id)

    # weak=False: the receiver is a local function, kept alive by the signal.
    signaux.note_ecrite.connect(_note, weak=False)


def _module() -> Module:
    from cipdesk.notes.routes import bp

    return Module(code="notes", titre="Notes confidentielles", blueprints=(bp,),
                  objets=(TypeObjet("note_confidentielle", "note confidentielle", "notes.voir", "note_id"),),
                  recepteurs=_recepteurs)


MODULE = _module()
