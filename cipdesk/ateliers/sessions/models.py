"""A session of an atelier, its half-days and its participants (REAC CP10)."""
from __future__ import annotations

import uuid
from datetime import date, time

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, Time, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription, minutes
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.personnes.models import Personne


class SessionAtelier(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "session_atelier"
    __table_args__ = (CheckConstraint("inscrits >= 0 AND inscrits <= capacite", name="capacite"),)

    atelier_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("atelier.id"), index=True)
    lieu: Mapped[str] = mapped_column(String(200), default="")
    animateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    co_animateurs: Mapped[str] = mapped_column(Text, default="")  # colleagues, partners
    capacite: Mapped[int] = mapped_column(Integer)
    # Enrolled count, kept by a conditional UPDATE so two conseillers cannot take the last place.
    inscrits: Mapped[int] = mapped_column(Integer, default=0)

    atelier: Mapped[Atelier] = relationship()
    animateur: Mapped[Utilisateur] = relationship(foreign_keys=[animateur_id])
    demi_journees: Mapped[list[DemiJournee]] = relationship(
        back_populates="session", order_by="(DemiJournee.le, DemiJournee.debut)", cascade="all, delete-orphan")
    inscriptions: Mapped[list[Inscription]] = relationship(
        back_populates="session", order_by="Inscription.created_at", cascade="all, delete-orphan")

    @property
    def debut(self) -> date | None:
        return self.demi_journees[0].le if self.demi_journees else None

    @property
    def fin(self) -> date | None:
        """The last half-day."""
        return self.demi_journees[-1].le if self.demi_journees else None

    @property
    def duree_minutes(self) -> int:
        return sum(d.duree_minutes for d in self.demi_journees)


class DemiJournee(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "demi_journee"
    __table_args__ = (UniqueConstraint("session_id", "le", "periode", name="uq_demi_journee_session_le_periode"),
                      CheckConstraint("fin > debut", name="horaires"))

    session_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("session_atelier.id", ondelete="CASCADE"),
                                                  index=True)
    le: Mapped[date] = mapped_column(Date, index=True)
    periode: Mapped[Periode] = mapped_column(colonne_enum(Periode))
    debut: Mapped[time] = mapped_column(Time)
    fin: Mapped[time] = mapped_column(Time)

    session: Mapped[SessionAtelier] = relationship(back_populates="demi_journees")

    @property
    def duree_minutes(self) -> int:
        return minutes(self.debut, self.fin)


class Inscription(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "inscription_atelier"
    __table_args__ = (UniqueConstraint("session_id", "personne_id", name="uq_inscription_atelier_session_personne"),
                      Index("ix_inscription_atelier_personne", "personne_id"))

    session_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("session_atelier.id", ondelete="CASCADE"),
                                                  index=True)
    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    statut: Mapped[StatutInscription] = mapped_column(colonne_enum(StatutInscription))
    inscrit_le: Mapped[date] = mapped_column(Date)
    inscrit_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    session: Mapped[SessionAtelier] = relationship(back_populates="inscriptions")
    personne: Mapped[Personne] = relationship()
