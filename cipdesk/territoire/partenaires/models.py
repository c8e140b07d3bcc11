"""Répertoire des partenaires du territoire (moved from accueil; the territoire
module will extend it). The table and its columns are unchanged."""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned


class Partenaire(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Minimal répertoire of partners (the territory module will extend it)."""

    __tablename__ = "partenaire"
    __table_args__ = (Index("ix_partenaire_structure_nom", "structure_id", "nom"),)

    nom: Mapped[str] = mapped_column(String(200))
    type_partenaire: Mapped[str] = mapped_column(String(120), default="")
    # Codes of diagnostic dimensions the partner answers (logement, sante…).
    domaines: Mapped[list] = mapped_column(JSON, default=list)
    adresse: Mapped[str] = mapped_column(String(300), default="")
    contact_nom: Mapped[str] = mapped_column(String(200), default="")
    telephone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    actif: Mapped[bool] = mapped_column(Boolean, default=True)
