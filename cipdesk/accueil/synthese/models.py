"""Synthèse d'entretien: facts kept apart from the conseiller's analysis (CP5)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel


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
    objet_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    objet = TexteConfidentiel()
    faits_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # what was observed / said, factual
    faits = TexteConfidentiel()
    paroles_personne_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # the person's words and wishes
    paroles_personne = TexteConfidentiel()
    analyse_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # the conseiller's opinion, labelled so
    analyse = TexteConfidentiel()
    suites_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # what was agreed, next steps
    suites = TexteConfidentiel()
    # The person agreed that the analysis appears in the document given to them.
    analyse_partagee: Mapped[bool] = mapped_column(Boolean, default=False)
    partagee_le: Mapped[date | None] = mapped_column(Date)
    partage_mode: Mapped[ModePartage | None] = mapped_column(colonne_enum(ModePartage))

    personne: Mapped[Personne] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
