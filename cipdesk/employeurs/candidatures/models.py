"""A person proposed for an offer, and the dated log of its states."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.offres.models import Offre
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel


class Candidature(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "candidature"
    __table_args__ = (
        UniqueConstraint("offre_id", "personne_id", name="uq_candidature_offre_personne"),
        Index("ix_candidature_personne_etat", "personne_id", "etat"),
    )

    offre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("offre_emploi.id"), index=True)
    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    proposee_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    etat: Mapped[EtatCandidature] = mapped_column(colonne_enum(EtatCandidature), default=EtatCandidature.PROPOSEE)
    etat_depuis: Mapped[date] = mapped_column(Date)   # date of the last transition
    motif_refus: Mapped[str] = mapped_column(String(40), default="")

    offre: Mapped[Offre] = relationship()
    personne: Mapped[Personne] = relationship()
    proposee_par: Mapped[Utilisateur] = relationship()
    journal: Mapped[list[TransitionCandidature]] = relationship(
        back_populates="candidature", order_by="(TransitionCandidature.le, TransitionCandidature.created_at)",
        cascade="all, delete-orphan")


class TransitionCandidature(UuidPk, StructureScoped, Timestamps, Base):
    """One dated line of the log: never edited, never deleted."""
    __tablename__ = "transition_candidature"

    candidature_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("candidature.id"), index=True)
    de: Mapped[EtatCandidature | None] = mapped_column(colonne_enum(EtatCandidature))
    vers: Mapped[EtatCandidature] = mapped_column(colonne_enum(EtatCandidature))
    le: Mapped[date] = mapped_column(Date)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    motif_refus: Mapped[str] = mapped_column(String(40), default="")
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()

    candidature: Mapped[Candidature] = relationship(back_populates="journal")
    par: Mapped[Utilisateur] = relationship()
