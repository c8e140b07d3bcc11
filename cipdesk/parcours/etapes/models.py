"""The étapes co-constructed with the person (REAC CP6) and their dated log of
statuses and réajustements."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.etapes.rules import Responsable, StatutEtape
from cipdesk.security.chiffrement import TexteConfidentiel


class Etape(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """An étape co-constructed with the person (REAC CP6)."""

    __tablename__ = "etape"

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), index=True)
    type_code: Mapped[str] = mapped_column(String(60))
    type_libelle: Mapped[str] = mapped_column(String(120))
    intitule_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    intitule = TexteConfidentiel()
    responsable: Mapped[Responsable] = mapped_column(colonne_enum(Responsable), default=Responsable.PERSONNE)
    partenaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    partenaire = TexteConfidentiel()
    echeance: Mapped[date | None] = mapped_column(Date)
    statut: Mapped[StatutEtape] = mapped_column(colonne_enum(StatutEtape), default=StatutEtape.PREVUE)
    realisee_le: Mapped[date | None] = mapped_column(Date)
    # The frein of the diagnostic it answers: its dimension code and a copy of
    # its label (no FK to the accueil tables), or else an objective of the parcours.
    frein_dimension_code: Mapped[str] = mapped_column(String(60), default="")
    frein_libelle_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    frein_libelle = TexteConfidentiel()
    objectif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    objectif = TexteConfidentiel()

    parcours: Mapped[Parcours] = relationship(back_populates="etapes")
    evenements: Mapped[list[EtapeEvenement]] = relationship(
        back_populates="etape", order_by="EtapeEvenement.id")


class NatureEvenement(EnumLibelle):
    CREATION = "creation"
    STATUT = "statut"
    REAJUSTEMENT = "reajustement"


NatureEvenement.LIBELLES = {"creation": "Création", "statut": "Changement de statut", "reajustement": "Réajustement"}


class EtapeEvenement(StructureScoped, Base):
    """The dated log of an étape: creation, every change of status, every
    réajustement (when, who, why, what changed). Append-only."""

    __tablename__ = "etape_evenement"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    etape_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("etape.id"), index=True)
    nature: Mapped[NatureEvenement] = mapped_column(colonne_enum(NatureEvenement))
    # Business date of the change (réalisée le…), apart from when it was typed in.
    le: Mapped[date] = mapped_column(Date)
    saisi_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    statut_avant: Mapped[str] = mapped_column(String(30), default="")
    statut_apres: Mapped[str] = mapped_column(String(30), default="")
    motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    motif = TexteConfidentiel()
    # {champ: [avant, après]} for a réajustement.
    changements_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    changements = TexteConfidentiel(json=True)

    etape: Mapped[Etape] = relationship(back_populates="evenements")
    par: Mapped[Utilisateur] = relationship()
