"""The contract of accompaniment (REAC CP6) and its versions (initial, avenants,
renouvellements)."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.parcours.contrat.rules import StatutParcours
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel

# Étapes, entretiens, projet and exit hang from the parcours but live in their own
# sub-packages, which import this one: the relationships below name them as
# strings, resolved by SQLAlchemy's class registry (no import cycle).


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
    etapes: Mapped[list["Etape"]] = relationship(  # noqa: F821
        back_populates="parcours", order_by="(Etape.echeance, Etape.created_at)")
    entretiens: Mapped[list["Entretien"]] = relationship(  # noqa: F821
        back_populates="parcours", order_by="(Entretien.le, Entretien.created_at)")
    versions_contrat: Mapped[list[VersionContrat]] = relationship(
        back_populates="parcours", order_by="VersionContrat.numero")
    sortie: Mapped["Sortie | None"] = relationship(back_populates="parcours")  # noqa: F821
    projet: Mapped["Projet | None"] = relationship(back_populates="parcours")  # noqa: F821

    @property
    def est_ouvert(self) -> bool:
        return self.statut == StatutParcours.OUVERT


class NatureVersion(EnumLibelle):
    INITIAL = "initial"
    AVENANT = "avenant"
    RENOUVELLEMENT = "renouvellement"


NatureVersion.LIBELLES = {"initial": "Contrat initial", "avenant": "Avenant", "renouvellement": "Renouvellement"}


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
