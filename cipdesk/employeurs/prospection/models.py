"""A prospection action run as a project (REAC CP12): diagnostic, target employers,
strategy, tools, planning, indicators and evaluation; développement durable
practices recorded (CP15)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.prospection.rules import Indicateur


class ActionProspection(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "action_prospection"

    titre: Mapped[str] = mapped_column(String(200))
    pilote_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    debut: Mapped[date] = mapped_column(Date)
    fin: Mapped[date] = mapped_column(Date)
    objectifs: Mapped[str] = mapped_column(Text)
    diagnostic_territoire: Mapped[str] = mapped_column(Text)   # employment data of the territory
    sources_diagnostic: Mapped[str] = mapped_column(Text)      # where each figure comes from, and when
    cible_employeurs: Mapped[str] = mapped_column(Text, default="")  # the target, and why (sectors, size)
    strategie: Mapped[str] = mapped_column(Text, default="")
    outils: Mapped[str] = mapped_column(Text, default="")      # argumentaire, fiche de présentation, mailing
    pratiques_durables: Mapped[str] = mapped_column(Text, default="")  # CP15
    evaluation: Mapped[str] = mapped_column(Text, default="")
    causes_ecarts: Mapped[str] = mapped_column(Text, default="")
    evaluee_le: Mapped[date | None] = mapped_column(Date)

    pilote: Mapped[Utilisateur] = relationship()
    indicateurs: Mapped[list[IndicateurProspection]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="IndicateurProspection.code")
    cibles: Mapped[list[CibleProspection]] = relationship(back_populates="action", cascade="all, delete-orphan")


class IndicateurProspection(UuidPk, StructureScoped, Base):
    """A target; the actual is computed from the CRM over the action's period."""
    __tablename__ = "indicateur_prospection"
    __table_args__ = (UniqueConstraint("action_id", "code", name="uq_indicateur_prospection_action_code"),)

    action_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("action_prospection.id"), index=True)
    code: Mapped[Indicateur] = mapped_column(colonne_enum(Indicateur))
    cible: Mapped[int] = mapped_column()

    action: Mapped[ActionProspection] = relationship(back_populates="indicateurs")


class CibleProspection(UuidPk, StructureScoped, Base):
    """An employer of the base targeted by the action."""
    __tablename__ = "cible_prospection"
    __table_args__ = (UniqueConstraint("action_id", "entreprise_id", name="uq_cible_prospection_action_entreprise"),)

    action_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("action_prospection.id"), index=True)
    entreprise_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entreprise.id"))

    action: Mapped[ActionProspection] = relationship(back_populates="cibles")
    entreprise: Mapped[Entreprise] = relationship()
