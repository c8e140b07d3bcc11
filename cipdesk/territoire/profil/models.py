"""Profil du territoire (REAC CP3): every save is a new dated version, never an
overwrite, so that a change stays visible (issue #15, point 2)."""
from __future__ import annotations

import uuid

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk


class VersionTerritoire(UuidPk, StructureScoped, Timestamps, Base):
    """One dated version of the structure's territory profile; the highest `numero` is current."""

    __tablename__ = "version_territoire"
    __table_args__ = (UniqueConstraint("structure_id", "numero", name="uq_version_territoire_numero"),)

    numero: Mapped[int] = mapped_column(Integer)
    territoire: Mapped[str] = mapped_column(String(200))
    # Figures, each with its source and date: [{theme, libelle, valeur, unite, source, date_source, demo}].
    chiffres: Mapped[list] = mapped_column(JSON, default=list)
    forces: Mapped[str] = mapped_column(Text, default="")
    faiblesses: Mapped[str] = mapped_column(Text, default="")
    ressources: Mapped[str] = mapped_column(Text, default="")
    motif: Mapped[str] = mapped_column(String(300), default="")
    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    auteur: Mapped[Utilisateur] = relationship()
