"""The agenda (issue #18, points 1 to 4): rendez-vous, the person's consent to e-mails,
the conseiller's calendar feed."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, LargeBinary, String, Time, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.agenda.rules import Modalite, NatureRdv, Presence
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class RendezVousPlanifie(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """One rendez-vous of a conseiller, with a person or not (a visit to an employer)."""

    __tablename__ = "rendez_vous"
    __table_args__ = (Index("ix_rendez_vous_conseiller_le", "conseiller_id", "le"),)

    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    personne_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    nature: Mapped[NatureRdv] = mapped_column(colonne_enum(NatureRdv, 30))
    le: Mapped[date] = mapped_column(Date)
    heure: Mapped[time] = mapped_column(Time)
    duree_minutes: Mapped[int] = mapped_column(default=60)
    modalite: Mapped[Modalite] = mapped_column(colonne_enum(Modalite, 20))
    # The place: a room of the structure, an employer's address, a visio link (never the
    # person's home address, read from the person when the modality is « domicile »).
    lieu: Mapped[str] = mapped_column(String(300), default="")
    motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    motif = TexteConfidentiel()
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()
    # What to bring (the convocation letter): « CV à jour, pièce d'identité… »
    a_apporter_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    a_apporter = TexteConfidentiel()
    presence: Mapped[Presence | None] = mapped_column(colonne_enum(Presence, 20))
    presence_notee_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    annule_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    convoque_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # iCalendar SEQUENCE: +1 each time the slot, the place or the status changes (RFC 5545).
    sequence: Mapped[int] = mapped_column(default=0)

    conseiller = relationship("Utilisateur", foreign_keys=[conseiller_id])
    personne = relationship("Personne", foreign_keys=[personne_id])

    @property
    def uid(self) -> str:
        return f"{self.id}@cipdesk"

    @property
    def annule(self) -> bool:
        return self.annule_le is not None


class ConsentementCourriel(UuidPk, StructureScoped, Base):
    """Whether the person agreed to receive e-mails (convocations, reminders): who recorded
    it, when, how. Without it, no e-mail is written to the person."""

    __tablename__ = "consentement_courriel"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), unique=True)
    accorde: Mapped[bool] = mapped_column(Boolean)
    le: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(20))  # a code of rules.MODES_CONSENTEMENT
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    modifie_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FluxAgenda(UuidPk, StructureScoped, Base):
    """A conseiller's calendar feed: a secret URL (only its SHA-256 is kept), revocable."""

    __tablename__ = "flux_agenda"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    empreinte: Mapped[str] = mapped_column(String(64), unique=True)
    cree_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoque_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    dernier_acces_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
