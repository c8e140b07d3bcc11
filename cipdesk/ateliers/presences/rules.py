"""Attendance (REAC CP10): statuses, hours attended, attendance rate. Pure."""
from __future__ import annotations

from cipdesk.core.libelles import EnumLibelle


class StatutPresence(EnumLibelle):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSE = "excuse"
    RETARD = "retard"


StatutPresence.LIBELLES = {"present": "Présent·e", "absent": "Absent·e", "excuse": "Excusé·e",
                           "retard": "En retard"}

VENU = frozenset({StatutPresence.PRESENT, StatutPresence.RETARD})


def est_venu(statut: StatutPresence | None) -> bool:
    return statut in VENU


def minutes_suivies(lignes: list[tuple[StatutPresence | None, int]]) -> int:
    """Minutes attended: the length of every half-day the participant came to
    (late arrivals count the half-day, as on the feuille d'émargement)."""
    return sum(duree for statut, duree in lignes if est_venu(statut))


def taux(venus: int, attendus: int) -> float | None:
    """Attendance rate in %, None when nothing was expected yet."""
    return round(100 * venus / attendus, 1) if attendus else None
