"""Queries of the répertoire des partenaires, and what it reads of the orientations really
made to each partner (through the module contract: the accueil module provides them)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cipdesk.core.contrat import registre
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.territoire.partenaires.rules import BilanPartenaire


def repertoire(session: Session, structure_id) -> list[Partenaire]:
    """The structure's partners, active ones first."""
    return list(session.scalars(select(Partenaire).where(Partenaire.structure_id == structure_id)
                                .options(selectinload(Partenaire.contacts))
                                .order_by(Partenaire.actif.desc(), Partenaire.nom)))


def bilans(session: Session, structure_id) -> dict:
    """partner id → BilanPartenaire (orientations of the whole structure, counts only)."""
    return {pid: BilanPartenaire(total=sum(n.values()), acceptees=n.get("acceptee", 0), refusees=n.get("refusee", 0))
            for pid, n in registre.bilans_orientations(session, structure_id).items()}


def orientations_visibles(session: Session, utilisateur, partenaire_id) -> list:
    """The orientations to this partner of the people the reader may see (their perimeter)."""
    return registre.orientations_vers(session, utilisateur, partenaire_id)
