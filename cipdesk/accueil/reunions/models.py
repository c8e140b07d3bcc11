"""Réunion d'information collective (CP1: informer un groupe) and its participants."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, JSON, LargeBinary, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel


CONTENUS_REUNION = {
    "structure": "Présentation de la structure et de son offre de services",
    "dispositifs": "Dispositifs et mesures (PLIE, IAE, CEJ, contrat d'engagement…)",
    "droits": "Droits et obligations, engagements réciproques",
    "numerique": "Services dématérialisés (France Travail, CAF, ameli…)",
    "partenaires": "Partenaires du territoire",
}


class ResultatReunion(EnumLibelle):
    PRESENT = "present"
    RDV_INDIVIDUEL = "rdv_individuel"
    ENTREE = "entree_accompagnement"
    ORIENTATION = "orientation"
    SANS_SUITE = "sans_suite"
    ABSENT = "absent"


ResultatReunion.LIBELLES = {"present": "Présent·e, suite à définir",
                            "rdv_individuel": "Rendez-vous individuel proposé",
                            "entree_accompagnement": "Entrée en accompagnement",
                            "orientation": "Orientation vers un partenaire",
                            "sans_suite": "Sans suite", "absent": "Absent·e"}


class ReunionInformation(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Réunion d'information collective (CP1: informer un groupe)."""

    __tablename__ = "reunion_information"
    __table_args__ = (Index("ix_reunion_information_structure_date", "structure_id", "date_reunion"),)

    date_reunion: Mapped[date] = mapped_column(Date)
    lieu: Mapped[str] = mapped_column(String(200))
    animateurs: Mapped[str] = mapped_column(String(300), default="")
    contenus: Mapped[list] = mapped_column(JSON, default=list)  # codes of CONTENUS_REUNION
    contenus_precisions: Mapped[str] = mapped_column(Text, default="")
    organisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    participants: Mapped[list[ParticipantReunion]] = relationship(
        back_populates="reunion", cascade="all, delete-orphan", order_by="ParticipantReunion.id")


class ParticipantReunion(StructureScoped, Base):
    __tablename__ = "participant_reunion"
    __table_args__ = (UniqueConstraint("reunion_id", "personne_id", name="uq_participant_reunion_personne"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    reunion_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("reunion_information.id"), index=True)
    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    resultat: Mapped[ResultatReunion] = mapped_column(colonne_enum(ResultatReunion), default=ResultatReunion.PRESENT)
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()

    reunion: Mapped[ReunionInformation] = relationship(back_populates="participants")
    personne: Mapped[Personne] = relationship()
