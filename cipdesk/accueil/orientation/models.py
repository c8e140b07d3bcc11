"""Orientation to a partner of the territory, with its fiche de liaison (CP4)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.personnes.models import Personne
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.security.chiffrement import TexteConfidentiel


class ReponsePartenaire(EnumLibelle):
    EN_ATTENTE = "en_attente"
    ACCEPTEE = "acceptee"
    REFUSEE = "refusee"
    EXPIREE = "expiree"   # never answered: closed by the conseiller, with the reason


ReponsePartenaire.LIBELLES = {"en_attente": "En attente", "acceptee": "Acceptée", "refusee": "Refusée",
                              "expiree": "Expirée sans réponse"}


class Orientation(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Orientation to a partner with its fiche de liaison (CP4). Information is
    passed only with the person's consent (secret partagé, CASF L121-6-2)."""

    __tablename__ = "orientation"
    __table_args__ = (Index("ix_orientation_personne_date", "personne_id", "date_orientation"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    partenaire_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("partenaire.id"), index=True)
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    date_orientation: Mapped[date] = mapped_column(Date)
    motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    motif = TexteConfidentiel()
    informations_transmises_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    informations_transmises = TexteConfidentiel()
    consentement: Mapped[bool] = mapped_column(Boolean, default=False)
    consentement_le: Mapped[date | None] = mapped_column(Date)
    consentement_mode_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    consentement_mode = TexteConfidentiel()
    reponse: Mapped[ReponsePartenaire] = mapped_column(colonne_enum(ReponsePartenaire),
                                                       default=ReponsePartenaire.EN_ATTENTE)
    reponse_le: Mapped[date | None] = mapped_column(Date)
    reponse_commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    reponse_commentaire = TexteConfidentiel()

    personne: Mapped[Personne] = relationship()
    partenaire: Mapped[Partenaire] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
