"""Attendance of a participant at a half-day (feuille d'émargement, REAC CP10)."""
from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.ateliers.presences.rules import StatutPresence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.libelles import colonne_enum


class Presence(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "presence_atelier"
    __table_args__ = (UniqueConstraint("demi_journee_id", "inscription_id",
                                       name="uq_presence_atelier_demi_journee_inscription"),)

    demi_journee_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("demi_journee.id", ondelete="CASCADE"),
                                                       index=True)
    inscription_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("inscription_atelier.id", ondelete="CASCADE"), index=True)
    statut: Mapped[StatutPresence] = mapped_column(colonne_enum(StatutPresence))
    saisi_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    demi_journee: Mapped[DemiJournee] = relationship()
    inscription: Mapped[Inscription] = relationship()
