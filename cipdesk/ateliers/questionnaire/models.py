"""A short-lived link that opens one satisfaction questionnaire of one session on a
shared tablet (issue #12, point 9)."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.ateliers.evaluations.rules import Moment
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.libelles import colonne_enum


class LienQuestionnaire(UuidPk, StructureScoped, Timestamps, Base):
    """The link's token is this row's id signed with the application's secret: it cannot be
    guessed, it expires (`expire_le`), it can be revoked (`revoque_le`), and it accepts at
    most one answer per enrolled participant (`plafond`)."""
    __tablename__ = "lien_questionnaire_atelier"
    __table_args__ = (CheckConstraint("reponses >= 0 AND reponses <= plafond", name="reponses"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session_atelier.id", ondelete="CASCADE"), index=True)
    moment: Mapped[Moment] = mapped_column(colonne_enum(Moment))
    expire_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoque_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reponses: Mapped[int] = mapped_column(Integer, default=0)
    plafond: Mapped[int] = mapped_column(Integer)
    cree_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    session: Mapped[SessionAtelier] = relationship()
