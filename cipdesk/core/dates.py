"""Dates as the users mean them: a day starts at midnight in Paris.

There is ONE clock: `maintenant()` / `aujourdhui()`. Routes read it and pass
the date to services (services never read the clock themselves), and tests fix
it with `horloge_fixee(...)` instead of racing midnight."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def _horloge_systeme() -> datetime:
    return datetime.now(PARIS)


_horloge: Callable[[], datetime] = _horloge_systeme


def maintenant() -> datetime:
    """Now, timezone-aware, in Paris."""
    return _horloge()


def aujourdhui() -> date:
    """Today in Paris (not in UTC: at 00:30 in Paris it is already tomorrow)."""
    return maintenant().date()


def regler_horloge(horloge: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests, demo at a fixed date); None restores the system clock."""
    global _horloge
    _horloge = horloge or _horloge_systeme


@contextmanager
def horloge_fixee(instant: datetime | date) -> Iterator[None]:
    if not isinstance(instant, datetime):
        instant = datetime.combine(instant, time(10, 0), tzinfo=PARIS)
    precedente = _horloge
    regler_horloge(lambda: instant)
    try:
        yield
    finally:
        regler_horloge(precedente)


def debut_jour_paris(jour: date) -> datetime:
    return datetime.combine(jour, time.min, tzinfo=PARIS)


def heure_fr(h: time | datetime) -> str:
    """A time as French typography writes it, the one convention for every displayed time
    (pages, letters, e-mails, PDF): « 9 h 05 », « 14 h ». Form fields keep HH:MM (the browser's
    time input) and spreadsheets keep their typed cells."""
    return f"{h.hour} h {h.minute:02d}" if h.minute else f"{h.hour} h"


def date_heure_fr(valeur: datetime | None) -> str:
    """« 01/12/2026 à 9 h 05 », in Paris time (a naive datetime is UTC, as the database stores it)."""
    if valeur is None:
        return "—"
    if valeur.tzinfo is None:
        valeur = valeur.replace(tzinfo=timezone.utc)
    local = valeur.astimezone(PARIS)
    return f"{local:%d/%m/%Y} à {heure_fr(local)}"
