"""The entretiens de suivi of a parcours (REAC CP6)."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.security.chiffrement import TexteConfidentiel, TextesConfidentielsHerites


class ContenuEntretien(TextesConfidentielsHerites):
    """What an entretien says, declared once: the entretien and each of its previous versions
    (EntretienVersion) hold the same columns, so a field added here is kept in the versions too."""

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


class Entretien(UuidPk, StructureScoped, Timestamps, Versioned, ContenuEntretien, Base):
    """An entretien de suivi. The shareable summary is plain; the confidential
    note is a NoteConfidentielle (encrypted) pointing back here."""

    __tablename__ = "entretien"
    # « Mes compétences »: the cases of dossier parts 2 and 3 are the parcours
    # in which this conseiller held entretiens (of type « projet » for part 3).
    # The week's entretiens per conseiller (charge de l'équipe, tableau de bord): by conseiller and date.
    __table_args__ = (Index("ix_entretien_conseiller_type", "conseiller_id", "type_entretien", "parcours_id"),
                      Index("ix_entretien_conseiller_le", "conseiller_id", "le"))

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), index=True)
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    note_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("note_confidentielle.id"))
    # The last correction (issue #11, point 1); the states before it are EntretienVersion rows.
    modifie_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    modifie_par_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    parcours: Mapped[Parcours] = relationship(back_populates="entretiens")
    conseiller: Mapped[Utilisateur] = relationship(foreign_keys=[conseiller_id])
    modifie_par: Mapped[Utilisateur | None] = relationship(foreign_keys=[modifie_par_id])
    versions: Mapped[list[EntretienVersion]] = relationship(
        back_populates="entretien", cascade="all, delete-orphan", order_by="EntretienVersion.numero.desc()")

    @property
    def saisi_par(self) -> Utilisateur:
        """Who wrote the current state: the last corrector, else the author."""
        return self.modifie_par or self.conseiller


class EntretienVersion(UuidPk, StructureScoped, ContenuEntretien, Base):
    """A previous state of a corrected entretien, kept whole and readable (« modifié le … par … »):
    who had written it and when, who replaced it and when."""

    __tablename__ = "entretien_version"

    entretien_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entretien.id"), index=True)
    numero: Mapped[int] = mapped_column(Integer)   # 1 = the state first saved
    saisi_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    saisi_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    remplace_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    remplace_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    entretien: Mapped[Entretien] = relationship(back_populates="versions")
    saisi_par: Mapped[Utilisateur] = relationship(foreign_keys=[saisi_par_id])
    remplace_par: Mapped[Utilisateur] = relationship(foreign_keys=[remplace_par_id])
