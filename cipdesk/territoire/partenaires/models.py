"""Répertoire opérationnel des partenaires du territoire (REAC CP4): moved from
accueil, completed by the territoire module (issue #15, point 4)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned


class Partenaire(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """A partner of the territory the structure may orient people to."""

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
    # Operational directory (issue #15): whom it serves, on which conditions, how to orient.
    publics: Mapped[str] = mapped_column(Text, default="", server_default="")
    conditions_acces: Mapped[str] = mapped_column(Text, default="", server_default="")
    modalites_orientation: Mapped[str] = mapped_column(Text, default="", server_default="")
    site_web: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # Last time someone checked the fiche with the partner (a reminder when it gets old).
    verifie_le: Mapped[date | None] = mapped_column(Date)

    contacts: Mapped[list[ContactPartenaire]] = relationship(
        back_populates="partenaire", order_by="ContactPartenaire.nom", cascade="all, delete-orphan")


class ContactPartenaire(UuidPk, StructureScoped, Timestamps, Base):
    """A professional to call at the partner, with their role."""

    __tablename__ = "contact_partenaire"

    partenaire_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("partenaire.id"), index=True)
    nom: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    telephone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(254), default="")

    partenaire: Mapped[Partenaire] = relationship(back_populates="contacts")
