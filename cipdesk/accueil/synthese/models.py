"""Synthèse d'entretien: facts kept apart from the conseiller's analysis (CP5)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.personnes.models import Personne


class ModePartage(EnumLibelle):
    MAIN_PROPRE = "main_propre"
    COURRIEL = "courriel"
    COURRIER = "courrier"
    LU_ENSEMBLE = "lu_ensemble"


ModePartage.LIBELLES = {"main_propre": "Remise en main propre", "courriel": "Envoi par courriel",
                        "courrier": "Envoi par courrier", "lu_ensemble": "Lu ensemble à l'écran"}


class Synthese(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Synthèse d'entretien: facts kept apart from the conseiller's analysis
    (RC §3.2 CP5: « les écrits professionnels respectent les principes éthiques »)."""

    __tablename__ = "synthese"
    __table_args__ = (Index("ix_synthese_personne_date", "personne_id", "date_entretien"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    date_entretien: Mapped[date] = mapped_column(Date)
    objet: Mapped[str] = mapped_column(String(200))
    faits: Mapped[str] = mapped_column(Text, default="")             # what was observed / said, factual
    paroles_personne: Mapped[str] = mapped_column(Text, default="")  # the person's words and wishes
    analyse: Mapped[str] = mapped_column(Text, default="")           # the conseiller's opinion, labelled so
    suites: Mapped[str] = mapped_column(Text, default="")            # what was agreed, next steps
    # The person agreed that the analysis appears in the document given to them.
    analyse_partagee: Mapped[bool] = mapped_column(Boolean, default=False)
    partagee_le: Mapped[date | None] = mapped_column(Date)
    partage_mode: Mapped[ModePartage | None] = mapped_column(colonne_enum(ModePartage))

    personne: Mapped[Personne] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
