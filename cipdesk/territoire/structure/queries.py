"""Queries of the structure's profile."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.territoire.structure.models import ProfilStructure


def profil_de(session: Session, structure_id) -> ProfilStructure | None:
    return session.scalar(select(ProfilStructure).where(ProfilStructure.structure_id == structure_id))
