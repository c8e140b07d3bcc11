"""Satisfaction filled in by the participants themselves on a shared tablet (REAC CP10 :
« Mesurer la satisfaction des apprenants »), through a short-lived link: when it still
opens. Pure functions, no session, no Flask."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

DUREE_DU_LIEN = timedelta(hours=2)   # a short-lived link: the time of the end of a session


def en_utc(instant: datetime) -> datetime:
    """Instants are stored and compared in UTC (SQLite gives them back without their zone)."""
    return instant.replace(tzinfo=timezone.utc) if instant.tzinfo is None else instant.astimezone(timezone.utc)


def erreur_du_lien(*, expire_le: datetime, revoque_le: datetime | None, reponses: int, plafond: int,
                   maintenant: datetime) -> str | None:
    """Why a link no longer opens (None: it opens). Never says more than that to a participant."""
    if revoque_le is not None:
        return "Ce questionnaire a été fermé par l'animateur·rice."
    if en_utc(maintenant) >= en_utc(expire_le):
        return "Ce lien a expiré."
    if reponses >= plafond:
        return "Tous les participants de la session ont déjà répondu avec ce lien."
    return None


def plafond_de_reponses(inscrits: int) -> int:
    """One answer per enrolled participant: a link cannot be used to stuff the figures."""
    return max(inscrits, 1)
