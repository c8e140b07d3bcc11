"""Reading a structure's settings, where its edited lists are kept."""
from __future__ import annotations

from sqlalchemy.orm import Session

from cipdesk.comptes.models import Structure
from cipdesk.parcours.listes.rules import toutes  # noqa: F401  (read by the tableau de bord)


def parametres_de(session: Session, structure_id) -> dict:
    """The structure's settings (its overrides of the parcours lists among them)."""
    return session.get(Structure, structure_id).parametres or {}
