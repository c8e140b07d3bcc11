"""A scheduled follow-up of an intégration: the person's view and the employer's
view separately, the difficulties in the person's words, a risk-of-rupture flag."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, LargeBinary, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.integration.points.rules import Jalon
from cipdesk.security.chiffrement import TexteConfidentiel


class PointSuivi(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "point_suivi_integration"

    suivi_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("suivi_integration.id"), index=True)
    jalon: Mapped[Jalon] = mapped_column(colonne_enum(Jalon))
    prevu_le: Mapped[date] = mapped_column(Date, index=True)
    fait_le: Mapped[date | None] = mapped_column(Date)
    avis_personne_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    avis_personne = TexteConfidentiel()
    avis_employeur_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    avis_employeur = TexteConfidentiel()
    difficultes_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    difficultes = TexteConfidentiel()
    risque_rupture: Mapped[bool] = mapped_column(Boolean, default=False)
    toujours_en_poste: Mapped[bool | None] = mapped_column(Boolean)

    suivi: Mapped["SuiviIntegration"] = relationship(back_populates="points")  # noqa: F821

    @property
    def personne(self):
        return self.suivi.personne
