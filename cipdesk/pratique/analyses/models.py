"""Analyses de pratique (REAC CP11) and the practice groups they may be shared with.

An analysis is private to its author and stored encrypted like a confidential note;
it never names the people it describes (rules.noms_cites warns when it does)."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class TypeSeance(EnumLibelle):
    GEASE = "gease"
    SUPERVISION = "supervision"
    INTERVISION = "intervision"


TypeSeance.LIBELLES = {"gease": "GEASE (groupe d'entraînement à l'analyse de situations éducatives)",
                       "supervision": "Supervision (avec un·e superviseur·e extérieur·e)",
                       "intervision": "Intervision entre pairs"}


class SeanceAnalyse(UuidPk, StructureScoped, Timestamps, Base):
    """A GEASE or supervision session, with its date and participants."""

    __tablename__ = "seance_analyse"

    organisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    type_seance: Mapped[TypeSeance] = mapped_column(colonne_enum(TypeSeance, 20))
    le: Mapped[date] = mapped_column(Date)
    # The facilitator (a professional, often from outside): shown on the session's page.
    animateur: Mapped[str] = mapped_column(String(200), default="")
    # Participants from outside the app (names of professionals), encrypted.
    participants_externes_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    participants_externes = TexteConfidentiel()

    organisateur: Mapped[Utilisateur] = relationship(foreign_keys=[organisateur_id])
    participants: Mapped[list[ParticipantSeance]] = relationship(
        back_populates="seance", cascade="all, delete-orphan", lazy="selectin")

    @property
    def participants_ids(self) -> set[uuid.UUID]:
        return {p.utilisateur_id for p in self.participants} | {self.organisateur_id}


class ParticipantSeance(StructureScoped, Base):
    """A professional of the structure who took part in the session (reads what is shared with it)."""

    __tablename__ = "participant_seance"
    __table_args__ = (UniqueConstraint("seance_id", "utilisateur_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    seance_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("seance_analyse.id"), index=True)
    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)

    seance: Mapped[SeanceAnalyse] = relationship(back_populates="participants")
    utilisateur: Mapped[Utilisateur] = relationship()


class AnalysePratique(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """One analyse de pratique (REAC CP11): the situation, facts / opinions / emotions kept
    apart, determining factors, strengths, difficulties, adjustments, what will change."""

    __tablename__ = "analyse_pratique"

    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    # The date of the situation analysed (not the day it is written).
    situation_le: Mapped[date] = mapped_column(Date)
    # The record it is attached to (a TypeObjet code of any module and its id); empty: none.
    objet_type: Mapped[str] = mapped_column(String(60), default="", index=True)
    objet_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    # Shared with the candidat's tutor (explicit, journalled): who, when. The tutor reads it
    # only while still the author's designated tutor.
    tuteur_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    partage_tuteur_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Shared with a practice group (GEASE, supervision): its participants read it.
    seance_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("seance_analyse.id"), index=True)
    partage_seance_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The author kept a word the name check flagged (a homonym, a street name…): when, not what.
    noms_confirmes_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    titre_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    titre = TexteConfidentiel()
    situation_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    situation = TexteConfidentiel()
    faits_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    faits = TexteConfidentiel()
    opinions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    opinions = TexteConfidentiel()
    emotions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    emotions = TexteConfidentiel()
    facteurs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    facteurs = TexteConfidentiel()
    points_forts_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    points_forts = TexteConfidentiel()
    difficultes_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    difficultes = TexteConfidentiel()
    ajustements_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    ajustements = TexteConfidentiel()
    autrement_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    autrement = TexteConfidentiel()

    auteur: Mapped[Utilisateur] = relationship(foreign_keys=[auteur_id])
    seance: Mapped[SeanceAnalyse | None] = relationship()
