"""Pure rules of the accueil individuel: dates of past events, next rendez-vous,
urgencies. No session, no Flask. `erreur_date_passee` (shared by every sub-package
of accueil) lives in `cipdesk/accueil/rules.py`."""
from __future__ import annotations

from datetime import date

from cipdesk.accueil.rules import erreur_date_passee  # noqa: F401  (re-exported)


# -- dates ------------------------------------------------------------------------
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


# -- evidence of competences (which rule of the module's `preuves` a record falls under) -----
# The RGPD notice is owed to everyone: on its own it is not the information on insertion
# resources that REAC CP1 is about.
INFORMATIONS_SANS_CP1 = {"rgpd"}


def regle_de_preuve_accueil(informations: list[str], precisions: str) -> str:
    """« accueil_informe » (CP1 and CP2) when information was actually given — an information
    other than the RGPD notice ticked, or described —, else « accueil » (CP2 only)."""
    donnee = any(c not in INFORMATIONS_SANS_CP1 for c in informations or []) or bool((precisions or "").strip())
    return "accueil_informe" if donnee else "accueil"


def regle_de_preuve_urgence(contact: str) -> str:
    """« urgence_avec_acteur » (CP2 and CP4) when someone outside was called, else « urgence » (CP2)."""
    return "urgence_avec_acteur" if (contact or "").strip() else "urgence"
