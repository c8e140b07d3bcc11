"""Fiches de veille (REAC CP3) and where each one was used (an orientation, an
étape, an offer: a record kind of the module contract's registry)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum


class NatureVeille(EnumLibelle):
    DISPOSITIF = "dispositif"
    MESURE = "mesure"
    APPEL_A_PROJETS = "appel_a_projets"
    REGLEMENTATION = "reglementation"


NatureVeille.LIBELLES = {"dispositif": "Dispositif", "mesure": "Mesure",
                         "appel_a_projets": "Appel à projets", "reglementation": "Réglementation"}


class FicheVeille(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "fiche_veille"
    __table_args__ = (Index("ix_fiche_veille_structure_date", "structure_id", "date_fiche"),)

    titre: Mapped[str] = mapped_column(String(200))
    nature: Mapped[NatureVeille] = mapped_column(colonne_enum(NatureVeille))
    resume: Mapped[str] = mapped_column(Text, default="")
    eligibilite: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(500), default="")
    date_fiche: Mapped[date] = mapped_column(Date)
    # Échéance (appel à projets, fin d'une mesure) or date to review the fiche: a reminder once passed.
    echeance: Mapped[date | None] = mapped_column(Date)
    etiquettes: Mapped[list] = mapped_column(JSON, default=list)
    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    auteur: Mapped[Utilisateur] = relationship()
    liens: Mapped[list[LienVeille]] = relationship(back_populates="fiche", order_by="LienVeille.created_at")


class LienVeille(UuidPk, StructureScoped, Timestamps, Base):
    """« This fiche served here »: a record kind code of the registry and the record's id."""

    __tablename__ = "lien_veille"
    __table_args__ = (UniqueConstraint("fiche_id", "objet_type", "objet_id", name="uq_lien_veille_objet"),)

    fiche_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("fiche_veille.id"), index=True)
    objet_type: Mapped[str] = mapped_column(String(40))
    objet_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    fiche: Mapped[FicheVeille] = relationship(back_populates="liens")
    par: Mapped[Utilisateur] = relationship()
