"""The bilan of a session of an atelier (REAC CP10 : « Le bilan de l'atelier est rédigé de
manière claire et précise »)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned


class BilanAtelier(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "bilan_atelier"

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session_atelier.id", ondelete="CASCADE"), unique=True)
    ecarts: Mapped[str] = mapped_column(Text, default="")          # what differed from the plan
    ajustements: Mapped[str] = mapped_column(Text, default="")     # for the next edition
    # The analyse de pratique d'animation (REAC CP10) lives in the pratique module, private to its
    # author and encrypted, attached to the session (encart on this page); migration 0019_quotidien.
    redige_le: Mapped[date] = mapped_column(Date)
    redige_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    session: Mapped[SessionAtelier] = relationship()
