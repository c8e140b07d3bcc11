"""Pure rules of the orientations (REAC CP4): an orientation awaiting the partner's answer
is not forgotten (issue #11, point 8). No session, no Flask."""
from __future__ import annotations

from datetime import date

# Structure.parametres key, set by the structure's admin (/admin/delais); days without answer
# before the alert. After twice the delay, the orientation is to be closed as expired.
PARAMETRE_DELAI = "orientation_delai_reponse_jours"
DELAI_DEFAUT = 15
DELAI_MIN, DELAI_MAX = 1, 180


def delai_reponse(parametres: dict | None) -> int:
    try:
        delai = int((parametres or {}).get(PARAMETRE_DELAI) or DELAI_DEFAUT)
    except (TypeError, ValueError):
        return DELAI_DEFAUT
    return min(max(delai, DELAI_MIN), DELAI_MAX)


def relance(date_orientation: date, aujourd_hui: date, delai: int) -> str | None:
    """None (wait), "relance" (ask the partner), "a_clore" (declare it expired, with a reason)."""
    jours = (aujourd_hui - date_orientation).days
    if jours > 2 * delai:
        return "a_clore"
    if jours > delai:
        return "relance"
    return None
