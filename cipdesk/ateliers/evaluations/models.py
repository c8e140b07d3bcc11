"""Per-participant evaluation of each objectif pédagogique, and satisfaction (REAC CP10)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, LargeBinary, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.ateliers.conception.models import ObjectifPedagogique
from cipdesk.ateliers.evaluations.rules import Moment, Resultat
from cipdesk.ateliers.sessions.models import Inscription
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.libelles import colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class EvaluationObjectif(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "evaluation_objectif"
    __table_args__ = (UniqueConstraint("inscription_id", "objectif_id",
                                       name="uq_evaluation_objectif_inscription_objectif"),)

    inscription_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("inscription_atelier.id", ondelete="CASCADE"), index=True)
    objectif_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("objectif_pedagogique.id", ondelete="CASCADE"), index=True)
    resultat: Mapped[Resultat] = mapped_column(colonne_enum(Resultat))
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()
    evalue_le: Mapped[date] = mapped_column(Date)
    evalue_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    inscription: Mapped[Inscription] = relationship()
    objectif: Mapped[ObjectifPedagogique] = relationship()


class Satisfaction(UuidPk, StructureScoped, Timestamps, Base):
    """A satisfaction questionnaire à chaud or à froid, entered by the animateur from paper or filled
    in by a participant on a tablet (anonymous: attached to the session, not to a person)."""
    __tablename__ = "satisfaction_atelier"
    __table_args__ = (CheckConstraint("note BETWEEN 1 AND 4", name="note"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session_atelier.id", ondelete="CASCADE"), index=True)
    # Chosen on every questionnaire, never assumed (the figures of à chaud and à froid are kept apart).
    moment: Mapped[Moment] = mapped_column(colonne_enum(Moment))
    note: Mapped[int] = mapped_column(Integer)
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()
    saisi_le: Mapped[date] = mapped_column(Date)
    # Filled in by a participant on a shared tablet through this link (None: paper, entered by the animateur).
    lien_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("lien_questionnaire_atelier.id", ondelete="SET NULL"), index=True)
