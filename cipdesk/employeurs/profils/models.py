"""What a person brings to a job search, for matching with offers (REAC CP13): availability,
licences, vehicle, how far they can go, the hours they cannot work. One per person."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.profils.rules import ZoneMobilite
from cipdesk.personnes.models import Personne


class ProfilEmploi(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "profil_emploi"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), unique=True)
    disponible_le: Mapped[date | None] = mapped_column(Date)
    permis: Mapped[list] = mapped_column(JSON, default=list)                 # codes of rules.Permis
    vehicule: Mapped[bool | None] = mapped_column(Boolean)
    zone_mobilite: Mapped[ZoneMobilite | None] = mapped_column(colonne_enum(ZoneMobilite))
    contraintes_horaires: Mapped[list] = mapped_column(JSON, default=list)   # codes of rules.Horaire

    personne: Mapped[Personne] = relationship()
