"""Parcours contractualisé (REAC CP6): the contract and its versions, the étapes
with their log of statuses and réajustements, the entretiens de suivi."""
from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned, utcnow
from cipdesk.parcours.rules import (ModeEntretien, Responsable, StatutEtape, StatutParcours,
                                    TypeEntretien)
from cipdesk.personnes.models import Personne
from cipdesk.core.libelles import colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel

if TYPE_CHECKING:
    from cipdesk.parcours.projet_models import Projet
    from cipdesk.parcours.sortie_models import Sortie



class Parcours(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """The contract of accompaniment and everything that hangs from it."""

    __tablename__ = "parcours"
    __table_args__ = (Index("ix_parcours_personne_statut", "personne_id", "statut"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    referent_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    # Code of the structure's editable list « dispositif » and a copy of its label.
    dispositif_code: Mapped[str] = mapped_column(String(60))
    dispositif_libelle: Mapped[str] = mapped_column(String(120))
    debut: Mapped[date] = mapped_column(Date)
    fin_prevue: Mapped[date | None] = mapped_column(Date)
    objectifs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    objectifs = TexteConfidentiel()
    engagements_personne_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    engagements_personne = TexteConfidentiel()
    engagements_structure_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    engagements_structure = TexteConfidentiel()
    # Date the person signed the printed contract (None: not signed yet).
    signe_le: Mapped[date | None] = mapped_column(Date)
    statut: Mapped[StatutParcours] = mapped_column(colonne_enum(StatutParcours), default=StatutParcours.OUVERT)
    bilan_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    bilan = TexteConfidentiel()

    personne: Mapped[Personne] = relationship()
    referent: Mapped[Utilisateur] = relationship(foreign_keys=[referent_id])
    etapes: Mapped[list[Etape]] = relationship(
        back_populates="parcours", order_by="(Etape.echeance, Etape.created_at)")
    entretiens: Mapped[list[Entretien]] = relationship(
        back_populates="parcours", order_by="(Entretien.le, Entretien.created_at)")
    versions_contrat: Mapped[list[VersionContrat]] = relationship(
        back_populates="parcours", order_by="VersionContrat.numero")
    sortie: Mapped[Sortie | None] = relationship(back_populates="parcours")
    projet: Mapped[Projet | None] = relationship(back_populates="parcours")

    @property
    def est_ouvert(self) -> bool:
        return self.statut == StatutParcours.OUVERT


class NatureVersion(enum.StrEnum):
    INITIAL = "initial"
    AVENANT = "avenant"
    RENOUVELLEMENT = "renouvellement"

    @property
    def libelle(self) -> str:
        return {"initial": "Contrat initial", "avenant": "Avenant",
                "renouvellement": "Renouvellement"}[self.value]


class VersionContrat(UuidPk, StructureScoped, Base):
    """History of the contract: one row per signed state (initial, avenant,
    renouvellement), holding a snapshot of its terms."""

    __tablename__ = "version_contrat"

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), index=True)
    numero: Mapped[int] = mapped_column(Integer)
    nature: Mapped[NatureVersion] = mapped_column(colonne_enum(NatureVersion))
    le: Mapped[date] = mapped_column(Date)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    motif = TexteConfidentiel()
    # {dispositif_libelle, debut, fin_prevue, objectifs, engagements_…} as text.
    termes_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    termes = TexteConfidentiel(json=True)
    # Date the person signed this version (None: to be signed).
    signe_le: Mapped[date | None] = mapped_column(Date)
    cree_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    parcours: Mapped[Parcours] = relationship(back_populates="versions_contrat")
    par: Mapped[Utilisateur] = relationship()


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


class NatureEvenement(enum.StrEnum):
    CREATION = "creation"
    STATUT = "statut"
    REAJUSTEMENT = "reajustement"

    @property
    def libelle(self) -> str:
        return {"creation": "Création", "statut": "Changement de statut",
                "reajustement": "Réajustement"}[self.value]


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


class Entretien(UuidPk, StructureScoped, Timestamps, Base):
    """An entretien de suivi. The shareable summary is plain; the confidential
    note is a NoteConfidentielle (encrypted) pointing back here."""

    __tablename__ = "entretien"
    # « Mes compétences »: the cases of dossier parts 2 and 3 are the parcours
    # in which this conseiller held entretiens (of type « projet » for part 3).
    __table_args__ = (Index("ix_entretien_conseiller_type", "conseiller_id", "type_entretien", "parcours_id"),)

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), index=True)
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    le: Mapped[date] = mapped_column(Date)
    duree_minutes: Mapped[int | None] = mapped_column(Integer)
    mode: Mapped[ModeEntretien] = mapped_column(colonne_enum(ModeEntretien))
    type_entretien: Mapped[TypeEntretien] = mapped_column(colonne_enum(TypeEntretien))
    objectif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    objectif = TexteConfidentiel()
    synthese_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    synthese = TexteConfidentiel()
    progres_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    progres = TexteConfidentiel()
    decisions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    decisions = TexteConfidentiel()
    prochaines_actions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    prochaines_actions = TexteConfidentiel()
    prochain_rdv_le: Mapped[date | None] = mapped_column(Date)
    note_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("note_confidentielle.id"))

    parcours: Mapped[Parcours] = relationship(back_populates="entretiens")
    conseiller: Mapped[Utilisateur] = relationship()
