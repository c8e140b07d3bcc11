"""Queries of the répertoire des partenaires."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.territoire.partenaires.models import Partenaire


def repertoire(session: Session, structure_id) -> list[Partenaire]:
    """The structure's partners, active ones first."""
    return list(session.scalars(select(Partenaire).where(Partenaire.structure_id == structure_id)
                                .order_by(Partenaire.actif.desc(), Partenaire.nom)))
