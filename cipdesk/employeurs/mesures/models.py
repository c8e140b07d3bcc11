"""The structure's version of a measure (its wording, eligibility notes, source, last check)
and the measures mobilised on an offer or a candidature."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk


class MesureStructure(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "mesure_structure"
    __table_args__ = (UniqueConstraint("structure_id", "code", name="uq_mesure_structure_code"),)

    code: Mapped[str] = mapped_column(String(60))
    libelle: Mapped[str] = mapped_column(String(200))
    eligibilite: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300), default="")
    verifiee_le: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MesureMobilisee(UuidPk, StructureScoped, Timestamps, Base):
    """A measure attached to an offer (with the employer) or to a candidature (for a person)."""
    __tablename__ = "mesure_mobilisee"

    code: Mapped[str] = mapped_column(String(60))
    libelle: Mapped[str] = mapped_column(String(200))   # copy: stays readable if the measure is retired
    offre_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("offre_emploi.id"), index=True)
    candidature_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("candidature.id"), index=True)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    le: Mapped[date] = mapped_column(Date)
