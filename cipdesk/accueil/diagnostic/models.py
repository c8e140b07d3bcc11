"""Diagnostic partagé: versions, one row per dimension, the person's validation.

CP2 « Analyser la demande de la personne et poser les bases d'un diagnostic
partagé »; RC §3.2 CP2: « L'adhésion et la validation de la personne sont
recherchées ». A validated version is frozen; the next one starts as a copy.
"""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel



class StatutDiagnostic(EnumLibelle):
    BROUILLON = "brouillon"
    VALIDE = "valide"


StatutDiagnostic.LIBELLES = {"brouillon": "En cours (non validé)", "valide": "Validé avec la personne"}


class ModeValidation(EnumLibelle):
    ORALE = "orale"
    SIGNATURE = "signature"
    ECRIT = "ecrit"
    RELECTURE = "relecture"


ModeValidation.LIBELLES = {"orale": "Accord oral en entretien, après relecture ensemble",
                           "relecture": "Relu ensemble à l'écran, complété avec la personne",
                           "signature": "Document signé par la personne",
                           "ecrit": "Accord écrit (courriel, SMS)"}


class Diagnostic(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "diagnostic"
    __table_args__ = (UniqueConstraint("personne_id", "numero", name="uq_diagnostic_personne_numero"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    numero: Mapped[int] = mapped_column(Integer)  # version 1, 2, 3… of this person's diagnostic
    date_diagnostic: Mapped[date] = mapped_column(Date)
    statut: Mapped[StatutDiagnostic] = mapped_column(colonne_enum(StatutDiagnostic), default=StatutDiagnostic.BROUILLON)
    hypotheses_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # hypothèses de solution
    hypotheses = TexteConfidentiel()
    paroles_personne_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # the person's own words
    paroles_personne = TexteConfidentiel()
    valide_le: Mapped[date | None] = mapped_column(Date)
    validation_mode: Mapped[ModeValidation | None] = mapped_column(colonne_enum(ModeValidation))
    validation_precisions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    validation_precisions = TexteConfidentiel()

    personne: Mapped[Personne] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
    dimensions: Mapped[list[DiagnosticDimension]] = relationship(
        back_populates="diagnostic", cascade="all, delete-orphan", order_by="DiagnosticDimension.ordre")

    @property
    def est_valide(self) -> bool:
        return self.statut == StatutDiagnostic.VALIDE


class DiagnosticDimension(UuidPk, StructureScoped, Base):
    """One dimension of one version. The label is copied so that a dimension the
    structure retires later stays readable on old versions."""

    __tablename__ = "diagnostic_dimension"
    __table_args__ = (UniqueConstraint("diagnostic_id", "dimension_code", name="uq_diagnostic_dimension_code"),)

    diagnostic_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("diagnostic.id"), index=True)
    dimension_code: Mapped[str] = mapped_column(String(40))
    dimension_libelle: Mapped[str] = mapped_column(String(120))
    ordre: Mapped[int] = mapped_column(Integer, default=0)
    situation_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    situation = TexteConfidentiel()
    atouts_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    atouts = TexteConfidentiel()
    atout_niveau: Mapped[int] = mapped_column(Integer, default=0)  # 0 aucun … 3 point d'appui fort
    freins_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    freins = TexteConfidentiel()
    frein_niveau: Mapped[int] = mapped_column(Integer, default=0)  # 0 aucun / levé … 3 bloquant
    besoins_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    besoins = TexteConfidentiel()

    diagnostic: Mapped[Diagnostic] = relationship(back_populates="dimensions")
