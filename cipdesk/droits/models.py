"""The person's rights (issue #18, points 6 to 9): the information notice given at the first
accueil, the requests of access and the authors' decisions on their notes, the rectifications
and the anonymisations."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class ModeRemise(EnumLibelle):
    MAIN_PROPRE = "main_propre"
    ENVOYEE = "envoyee"
    LUE = "lue_a_voix_haute"
    INTERPRETE = "interprete"


ModeRemise.LIBELLES = {
    "main_propre": "Remise en main propre",
    "envoyee": "Envoyée (courrier ou courriel)",
    "lue_a_voix_haute": "Lue à voix haute et expliquée",
    "interprete": "Expliquée avec un interprète",
}


class NoticeRemise(UuidPk, StructureScoped, Timestamps, Base):
    """The information notice (RGPD art. 13) given to a person: when, how, by whom."""
    __tablename__ = "notice_remise"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    remise_le: Mapped[date] = mapped_column(Date)
    mode: Mapped[ModeRemise] = mapped_column(colonne_enum(ModeRemise))
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    # Which version of the text was given (the settings it was generated from may change).
    version: Mapped[str] = mapped_column(String(20), default="")

    par: Mapped[Utilisateur] = relationship()


class DemandeAcces(UuidPk, StructureScoped, Timestamps, Base):
    """A person asked for everything held about them (RGPD art. 15)."""
    __tablename__ = "demande_acces"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    demandee_le: Mapped[date] = mapped_column(Date)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    par: Mapped[Utilisateur] = relationship()
    decisions: Mapped[list[DecisionNote]] = relationship(back_populates="demande", lazy="selectin",
                                                         cascade="all, delete-orphan")


class DecisionNote(UuidPk, StructureScoped, Base):
    """The author of a confidential note decides whether its text goes into the export."""
    __tablename__ = "decision_note"
    __table_args__ = (UniqueConstraint("demande_id", "note_id"),)

    demande_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("demande_acces.id"), index=True)
    note_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("note_confidentielle.id"))
    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    inclure: Mapped[bool] = mapped_column(Boolean)
    decidee_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    demande: Mapped[DemandeAcces] = relationship(back_populates="decisions")


class Rectification(UuidPk, StructureScoped, Timestamps, Base):
    """A change of the person's identity or contact (RGPD art. 16), with the former values."""
    __tablename__ = "rectification"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    le: Mapped[date] = mapped_column(Date)
    champs: Mapped[list] = mapped_column(JSON, default=list)          # names of the fields changed
    anciennes_valeurs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    anciennes_valeurs = TexteConfidentiel(json=True)                # {field: former value}

    par: Mapped[Utilisateur] = relationship()


class Anonymisation(UuidPk, StructureScoped, Timestamps, Base):
    """A person's file anonymised: by the retention command or on the person's request."""
    __tablename__ = "anonymisation"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), unique=True)
    le: Mapped[date] = mapped_column(Date)
    motif: Mapped[str] = mapped_column(String(30))                   # « conservation » or « demande »
    par_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    champs_effaces: Mapped[int] = mapped_column(default=0)
