"""Queries of the territory profile: the current version and the history."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.territoire.profil.models import VersionTerritoire


def versions(session: Session, structure_id) -> list[VersionTerritoire]:
    """Every version, newest first (with its author, one query)."""
    return list(session.scalars(select(VersionTerritoire).where(VersionTerritoire.structure_id == structure_id)
                                .options(joinedload(VersionTerritoire.auteur))
                                .order_by(VersionTerritoire.numero.desc())))


def courante(session: Session, structure_id) -> VersionTerritoire | None:
    return session.scalar(select(VersionTerritoire).where(VersionTerritoire.structure_id == structure_id)
                          .order_by(VersionTerritoire.numero.desc()).limit(1))


def en_dict(v: VersionTerritoire | None) -> dict | None:
    if v is None:
        return None
    return {"territoire": v.territoire, "forces": v.forces, "faiblesses": v.faiblesses,
            "ressources": v.ressources, "chiffres": list(v.chiffres or [])}
