"""Projet professionnel (REAC CP7) and its réalisation (CP8): methodology phase,
bilan with the person, métiers explored, confrontations with reality, the
validated project, the plan d'action."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.projet.rules import (Faisabilite, NatureAction, StatutAction,
                                           StatutDossierFormation, TypeConfrontation)
from cipdesk.security.chiffrement import TexteConfidentiel


class Projet(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "projet"

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), unique=True)
    # Phase of the structure's methodology (editable list « phase_projet », ADVP by default).
    phase_code: Mapped[str] = mapped_column(String(60))
    phase_libelle: Mapped[str] = mapped_column(String(120))
    # Bilan identified with the person (REAC CP7: « compétences, qualités et talents »).
    interets_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    interets = TexteConfidentiel()
    valeurs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    valeurs = TexteConfidentiel()
    motivations_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    motivations = TexteConfidentiel()
    competences_transferables_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    competences_transferables = TexteConfidentiel()
    qualites_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    qualites = TexteConfidentiel()
    talents_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    talents = TexteConfidentiel()
    projet_valide_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    projet_valide = TexteConfidentiel()
    valide_le: Mapped[date | None] = mapped_column(Date)

    parcours: Mapped[Parcours] = relationship(back_populates="projet")
    metiers: Mapped[list[MetierExplore]] = relationship(back_populates="projet",
                                                        order_by="MetierExplore.created_at")
    confrontations: Mapped[list[Confrontation]] = relationship(
        back_populates="projet", order_by="(Confrontation.le, Confrontation.created_at)")


class MetierExplore(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "metier_explore"

    projet_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("projet.id"), index=True)
    rome_code: Mapped[str] = mapped_column(String(5), default="")  # empty: free text
    libelle: Mapped[str] = mapped_column(String(200))
    faisabilite: Mapped[Faisabilite] = mapped_column(colonne_enum(Faisabilite), default=Faisabilite.A_EVALUER)
    analyse_faisabilite_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    analyse_faisabilite = TexteConfidentiel()

    projet: Mapped[Projet] = relationship(back_populates="metiers")


class Confrontation(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "confrontation"

    projet_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("projet.id"), index=True)
    metier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("metier_explore.id"))
    type_confrontation: Mapped[TypeConfrontation] = mapped_column(colonne_enum(TypeConfrontation))
    employeur: Mapped[str] = mapped_column(String(200), default="")
    le: Mapped[date] = mapped_column(Date)
    fin_le: Mapped[date | None] = mapped_column(Date)
    resultat_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    resultat = TexteConfidentiel()

    projet: Mapped[Projet] = relationship(back_populates="confrontations")
    metier: Mapped[MetierExplore | None] = relationship()


class ActionPlan(UuidPk, StructureScoped, Timestamps, Base):
    """A line of the plan d'action (REAC CP8): a formation, a candidature or a tool."""

    __tablename__ = "action_plan"

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), index=True)
    nature: Mapped[NatureAction] = mapped_column(colonne_enum(NatureAction))
    intitule: Mapped[str] = mapped_column(String(300))
    # Organisme de formation, or employer of a candidature.
    organisme: Mapped[str] = mapped_column(String(200), default="")
    modalite: Mapped[str] = mapped_column(String(120), default="")
    debut: Mapped[date | None] = mapped_column(Date)
    fin: Mapped[date | None] = mapped_column(Date)
    financement_code: Mapped[str] = mapped_column(String(60), default="")
    financement_libelle: Mapped[str] = mapped_column(String(120), default="")
    statut_dossier: Mapped[StatutDossierFormation | None] = mapped_column(colonne_enum(StatutDossierFormation))
    offre: Mapped[str] = mapped_column(String(300), default="")
    resultat_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    resultat = TexteConfidentiel()
    echeance: Mapped[date | None] = mapped_column(Date)
    statut: Mapped[StatutAction] = mapped_column(colonne_enum(StatutAction), default=StatutAction.PREVUE)

    parcours: Mapped[Parcours] = relationship()
