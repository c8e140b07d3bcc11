"""Pure rules of the accueil individuel: dates of past events, next rendez-vous,
urgencies. No session, no Flask. `erreur_date_passee` is shared by the other
sub-packages of accueil."""
from __future__ import annotations

from datetime import date


# -- dates ------------------------------------------------------------------------
def erreur_date_passee(le: date | None, aujourd_hui: date, *, quoi: str = "La date") -> str | None:
    """An event already happened: a date in the future is refused with its reason."""
    if le is None:
        return f"{quoi} est obligatoire."
    if le > aujourd_hui:
        return f"{quoi} ne peut pas être dans le futur (nous sommes le {aujourd_hui:%d/%m/%Y})."
    if le.year < 2000:
        return f"{quoi} est trop ancienne pour être un événement de l'accompagnement."
    return None


def erreur_rdv(le: date | None, aujourd_hui: date) -> str | None:
    if le is not None and le < aujourd_hui:
        return "Le prochain rendez-vous ne peut pas être dans le passé."
    return None


# -- urgencies --------------------------------------------------------------------
def erreur_reponse_urgence(reperee: bool, action: str, differee: bool) -> str | None:
    """An urgency found at an accueil is answered by an immediate action recorded
    on the spot. If nothing could be done at once, the conseiller says so
    explicitly and the urgency stays open as an alert until handled."""
    if not reperee:
        return None
    if (action or "").strip():
        return None
    if differee:
        return None
    return ("Une urgence repérée appelle une action immédiate : indiquez qui a été appelé et ce qui "
            "a été fait, ou cochez « action impossible sur le moment » pour la laisser en alerte.")


def urgence_est_traitee(action: str) -> bool:
    return bool((action or "").strip())
