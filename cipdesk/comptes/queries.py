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


# -- the structure's caseload norm (a pure reading of its settings; here because other modules may
# import comptes' queries only — issue #17: ONE source for the workload of « Ma pratique »
# and the chef's dashboard; set on the admin's « Délais et seuils » page) -----------------
PARAMETRE_NORME_FILE_ACTIVE = "norme_file_active"
NORME_FILE_ACTIVE_DEFAUT = 40    # DESIGN.md: 20–40 people per conseiller in an ACI, 60–100 in a PLIE
NORME_FILE_ACTIVE_MAX = 300


def norme_file_active(parametres: dict | None) -> tuple[int, bool]:
    """(people per conseiller, set by the structure?) — unset or invalid: the default."""
    try:
        valeur = int((parametres or {}).get(PARAMETRE_NORME_FILE_ACTIVE))
    except (TypeError, ValueError):
        return NORME_FILE_ACTIVE_DEFAUT, False
    return (valeur, True) if 0 < valeur <= NORME_FILE_ACTIVE_MAX else (NORME_FILE_ACTIVE_DEFAUT, False)
