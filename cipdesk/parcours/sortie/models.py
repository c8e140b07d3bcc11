"""Exit of a parcours (REAC CP6): motive, category, passage de relais, and the
follow-up checks at 3 and 6 months that funders ask for."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.libelles import colonne_enum
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.sortie.rules import CategorieSortie, DevenirEtapes, SituationSuivi
from cipdesk.security.chiffrement import TexteConfidentiel


class Sortie(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "sortie"

    parcours_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("parcours.id"), unique=True)
    sortie_le: Mapped[date] = mapped_column(Date)
    # Code of rules.MOTIFS_SORTIE; the category is derived from it and kept.
    motif: Mapped[str] = mapped_column(String(60))
    categorie: Mapped[CategorieSortie] = mapped_column(colonne_enum(CategorieSortie))
    precision_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    precision = TexteConfidentiel()
    devenir_etapes: Mapped[DevenirEtapes | None] = mapped_column(colonne_enum(DevenirEtapes))
    # Passage de relais: to whom, what is passed on, with the person's consent.
    relais_vers_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    relais_vers = TexteConfidentiel()
    relais_contenu_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    relais_contenu = TexteConfidentiel()
    relais_consentement: Mapped[bool] = mapped_column(Boolean, default=False)

    parcours: Mapped[Parcours] = relationship(back_populates="sortie")
    suivis: Mapped[list[SuiviSortie]] = relationship(back_populates="sortie", order_by="SuiviSortie.mois")


class SuiviSortie(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "suivi_sortie"
    __table_args__ = (UniqueConstraint("sortie_id", "mois"),)

    sortie_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("sortie.id"), index=True)
    mois: Mapped[int] = mapped_column(Integer)  # 3 or 6
    fait_le: Mapped[date] = mapped_column(Date)
    situation: Mapped[SituationSuivi] = mapped_column(colonne_enum(SituationSuivi))
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()

    sortie: Mapped[Sortie] = relationship(back_populates="suivis")
