"""Break-glass (issue #18, point 13; SECURITY.md « Access control »): a chef de service who must
read the file of a person outside their team's perimeter states a reason and gets a
time-limited read access to that one person. The policy (`policy.peut_voir_personne`) is the
only place that honours it; the person's référent is shown who opened it, when, and why.

Kept here, beside the policy and the audit, because the policy reads it for every module."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import DateTime, ForeignKey, Index, String, Uuid, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, utcnow

DUREE_PAR_DEFAUT = timedelta(hours=4)
MOTIF_MINIMUM = 15  # characters: a reason, not « urgent »


class AccesExceptionnel(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "acces_exceptionnel"
    __table_args__ = (Index("ix_acces_exceptionnel_personne", "personne_id", "fin"),)

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    # The reason is about the professional's need, not the person's situation: kept in clear for
    # the référent and the audit (SECURITY.md, « Colonnes en clair »).
    motif: Mapped[str] = mapped_column(String(500))
    debut: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    fin: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    utilisateur = relationship("Utilisateur", lazy="joined")


def _aware(d: datetime) -> datetime:
    from datetime import timezone

    return d if d.tzinfo is not None else d.replace(tzinfo=timezone.utc)


def acces_en_cours(session: Session, utilisateur_id, personne_id, maintenant: datetime | None = None):
    """The break-glass access this user holds on this person now, if any (one query)."""
    if utilisateur_id is None or personne_id is None:
        return None
    maintenant = maintenant or utcnow()
    for acces in session.scalars(select(AccesExceptionnel).where(
            AccesExceptionnel.utilisateur_id == utilisateur_id, AccesExceptionnel.personne_id == personne_id)
            .order_by(AccesExceptionnel.fin.desc()).limit(1)):
        if _aware(acces.fin) > maintenant:
            return acces
    return None
