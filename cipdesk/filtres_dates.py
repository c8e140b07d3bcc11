"""Dates as the users mean them: a day starts at midnight in Paris."""
from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def debut_jour_paris(jour: date) -> datetime:
    return datetime.combine(jour, time.min, tzinfo=PARIS)
