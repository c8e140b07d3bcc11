from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned, utcnow
from cipdesk.security.chiffrement import champ_confidentiel


class NoteConfidentielle(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "note_confidentielle"

    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    # What the note is about (an accueil, an entretien…); empty for a free note.
    objet_type: Mapped[str] = mapped_column(String(60), default="", index=True)
    objet_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    # The text itself, only ever stored encrypted (cipdesk.security.chiffrement).
    contenu_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)

    auteur: Mapped[Utilisateur] = relationship()
    lecteurs: Mapped[list[NoteLecteur]] = relationship(
        back_populates="note", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def lecteurs_ids(self) -> set[uuid.UUID]:
        return {lecteur.utilisateur_id for lecteur in self.lecteurs}


champ_confidentiel(NoteConfidentielle, "contenu")


class NoteLecteur(StructureScoped, Base):
    """A colleague the author explicitly shared the note with (CASF L121-6-2:
    only what is strictly necessary, between professionals of the same person)."""

    __tablename__ = "note_lecteur"
    __table_args__ = (UniqueConstraint("note_id", "utilisateur_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    note_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("note_confidentielle.id"), index=True)
    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    partage_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    partage_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    note: Mapped[NoteConfidentielle] = relationship(back_populates="lecteurs")
    utilisateur: Mapped[Utilisateur] = relationship(foreign_keys=[utilisateur_id])
