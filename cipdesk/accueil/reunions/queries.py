"""Queries of the réunions d'information: the structure's latest réunions and the
réunion part of the person's timeline."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from cipdesk.accueil.reunions.models import ParticipantReunion, ReunionInformation
from cipdesk.core.contrat import Evenement


def dernieres_reunions(session: Session, structure_id, limite: int = 50) -> list[ReunionInformation]:
    return list(session.scalars(select(ReunionInformation).where(ReunionInformation.structure_id == structure_id)
                                .options(selectinload(ReunionInformation.participants))
                                .order_by(ReunionInformation.date_reunion.desc()).limit(limite)))


def chronologie(session: Session, personne, lecteur) -> list[Evenement]:
    """Réunions the person took part in, with the result (one query)."""
    return [Evenement(p.reunion.date_reunion, p.reunion.created_at, "reunion_information",
                      f"Réunion d'information collective — {p.reunion.lieu}", p.resultat.libelle,
                      "accueil.reunions.voir", (("reunion_id", p.reunion_id),))
            for p in session.scalars(select(ParticipantReunion).where(ParticipantReunion.personne_id == personne.id)
                                     .options(joinedload(ParticipantReunion.reunion)))]
