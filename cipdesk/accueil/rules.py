"""Pure rules shared by every sub-package of accueil (accueils, diagnostic, synthèse,
orientation, réunions). No session, no Flask."""
from __future__ import annotations

from datetime import date


def erreur_date_passee(le: date | None, aujourd_hui: date, *, quoi: str = "La date") -> str | None:
    """An event already happened: a date in the future is refused with its reason."""
    if le is None:
        return f"{quoi} est obligatoire."
    if le > aujourd_hui:
        return f"{quoi} ne peut pas être dans le futur (nous sommes le {aujourd_hui:%d/%m/%Y})."
    if le.year < 2000:
        return f"{quoi} est trop ancienne pour être un événement de l'accompagnement."
    return None
