"""A mediation between the person and the employer (REAC CP14), when a risk of rupture is raised."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, LargeBinary, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.security.chiffrement import TexteConfidentiel


class Mediation(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "mediation_integration"

    suivi_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("suivi_integration.id"), index=True)
    le: Mapped[date] = mapped_column(Date)
    participants_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    participants = TexteConfidentiel()
    enjeu_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    enjeu = TexteConfidentiel()
    actions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    actions = TexteConfidentiel()
    issue_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    issue = TexteConfidentiel()

    suivi: Mapped["SuiviIntegration"] = relationship(back_populates="mediations")  # noqa: F821

    @property
    def personne(self):
        return self.suivi.personne
