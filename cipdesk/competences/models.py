from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.libelles import EnumLibelle, colonne_enum


class SourcePreuve(EnumLibelle):
    AUTO = "auto"      # set by the tagging rules when the record is logged
    MANUEL = "manuel"  # added by the candidat, with a reason


SourcePreuve.LIBELLES = {"auto": "automatique", "manuel": "ajoutée à la main"}


class PreuveCompetence(UuidPk, StructureScoped, Timestamps, Base):
    """One record (accueil, entretien, atelier…) evidencing one competence of
    the professional who logged it. Counting coverage is a GROUP BY on this table."""

    __tablename__ = "preuve_competence"
    __table_args__ = (
        UniqueConstraint("utilisateur_id", "objet_type", "objet_id", "competence_code",
                         name="uq_preuve_competence_objet"),
        # structure_id too: every query says it (core.db's structure filter), see migration 0020_pages
        Index("ix_preuve_competence_couverture", "utilisateur_id", "competence_code", "structure_id", "date_activite"),
    )

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    competence_code: Mapped[str] = mapped_column(String(8))
    objet_type: Mapped[str] = mapped_column(String(60))
    objet_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    date_activite: Mapped[date] = mapped_column(Date)
    source: Mapped[SourcePreuve] = mapped_column(colonne_enum(SourcePreuve, 10))
    motif: Mapped[str] = mapped_column(String(500), default="")
    # Untagging keeps the row (and who did it, and why): coverage counts only live tags.
    retiree_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    motif_retrait: Mapped[str] = mapped_column(String(500), default="")


class NiveauAutoEvaluation(EnumLibelle):
    ACQUIS = "acquis"
    EN_COURS = "en_cours"
    A_TRAVAILLER = "a_travailler"


NiveauAutoEvaluation.LIBELLES = {"acquis": "Acquis", "en_cours": "En cours d'acquisition", "a_travailler": "À travailler"}


class AutoEvaluation(UuidPk, StructureScoped, Timestamps, Base):
    """Where the candidat stands on a competence, dated; every entry is kept so
    that progress over the months is visible."""

    __tablename__ = "auto_evaluation"
    __table_args__ = (Index("ix_auto_evaluation_utilisateur_competence", "utilisateur_id", "competence_code"),)

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    competence_code: Mapped[str] = mapped_column(String(8))
    niveau: Mapped[NiveauAutoEvaluation] = mapped_column(
        colonne_enum(NiveauAutoEvaluation, 20))
    commentaire: Mapped[str] = mapped_column(String(1000), default="")
    evalue_le: Mapped[date] = mapped_column(Date)
