"""Confidential notes in the module contract (SECURITY.md)."""
from __future__ import annotations

from cipdesk.core.contrat import Module, TypeObjet


def _module() -> Module:
    from cipdesk.notes.routes import bp

    return Module(code="notes", titre="Notes confidentielles", blueprints=(bp,),
                  objets=(TypeObjet("note_confidentielle", "note confidentielle", "notes.voir", "note_id"),))


MODULE = _module()
