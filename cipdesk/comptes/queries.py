"""The select() builders of the accounts pages."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select

from cipdesk.comptes.models import SessionConnexion


def sessions_ouvertes(utilisateur, *, vu_apres: datetime, debut_apres: datetime) -> Select:
    """"Mes sessions": the user's open sessions, the most recently seen first.
    Sessions past their idle or absolute limit are left out: they end on the
    server the next time their cookie comes back (comptes.rules.session_expiree)."""
    return (select(SessionConnexion)
            .where(SessionConnexion.utilisateur_id == utilisateur.id, SessionConnexion.fin.is_(None),
                   SessionConnexion.vu_le >= vu_apres, SessionConnexion.debut >= debut_apres)
            .order_by(SessionConnexion.vu_le.desc(), SessionConnexion.debut.desc()))
