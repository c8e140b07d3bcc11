"""Profil de la structure: the facts part 1 of the certification dossier describes
(RC, partie 1 : « statut, missions, offre de services, financeurs, caractéristiques
du public accueilli et modalités d'accueil »). One per structure."""
from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned


class ProfilStructure(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "profil_structure"
    __table_args__ = (UniqueConstraint("structure_id", name="uq_profil_structure_structure"),)

    statut: Mapped[str] = mapped_column(String(200), default="")
    missions: Mapped[str] = mapped_column(Text, default="")
    offre_services: Mapped[str] = mapped_column(Text, default="")
    # One line per funder: « financeur — dispositifs financés ».
    financeurs: Mapped[str] = mapped_column(Text, default="")
    publics: Mapped[str] = mapped_column(Text, default="")
    modalites_accueil: Mapped[str] = mapped_column(Text, default="")
    equipe: Mapped[str] = mapped_column(Text, default="")
    modifie_par_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
