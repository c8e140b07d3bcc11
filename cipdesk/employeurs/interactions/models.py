"""An exchange with an employer: call, e-mail, visit, event, job dating, immersion;
with its next action and due date (an overdue one is an alert)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise
from cipdesk.employeurs.interactions.rules import NatureInteraction
from cipdesk.security.chiffrement import TexteConfidentiel


class Interaction(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "interaction_entreprise"
    __table_args__ = (
        Index("ix_interaction_entreprise_chrono", "entreprise_id", "le"),
        # overdue next actions of a structure (alerts) without scanning the history
        Index("ix_interaction_entreprise_echeance", "structure_id", "action_faite_le", "echeance"),
    )

    entreprise_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entreprise.id"))
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("contact_entreprise.id"))
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    # the person the exchange was about (a candidate presented), if any: the overdue
    # next action is then also an alert on that person
    personne_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    nature: Mapped[NatureInteraction] = mapped_column(colonne_enum(NatureInteraction))
    le: Mapped[date] = mapped_column(Date)
    objet: Mapped[str] = mapped_column(String(200))
    compte_rendu_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    compte_rendu = TexteConfidentiel()
    prochaine_action: Mapped[str] = mapped_column(String(300), default="")
    echeance: Mapped[date | None] = mapped_column(Date)
    action_faite_le: Mapped[date | None] = mapped_column(Date)

    entreprise: Mapped[Entreprise] = relationship()
    contact: Mapped[ContactEntreprise | None] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
