"""Compétences et références de l'équipe (REAC CP4 : « identifier les membres de son
équipe et leurs compétences »): who in the team knows which dispositif or partner."""
from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.territoire.partenaires.models import Partenaire


class ReferenceEquipe(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "reference_equipe"

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    sujet: Mapped[str] = mapped_column(String(200))            # a dispositif, a mesure, a domain
    precision: Mapped[str] = mapped_column(String(300), default="")
    partenaire_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("partenaire.id"))

    utilisateur: Mapped[Utilisateur] = relationship()
    partenaire: Mapped[Partenaire | None] = relationship()
