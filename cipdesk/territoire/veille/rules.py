"""Pure rules of the veille (REAC CP3 : « S'informer sur les évolutions des dispositifs et
mesures d'insertion sociale et professionnelle »)."""
from __future__ import annotations

import re
from datetime import date

from cipdesk.territoire.partenaires.rules import valider_url as valider_url  # re-exported: one rule for every web address

BIENTOT_JOURS = 30


def lire_etiquettes(saisie: str) -> list[str]:
    """« IAE, jeunes ; mobilité » → ['iae', 'jeunes', 'mobilité'] (lower case, no duplicates, in order)."""
    vues: list[str] = []
    for morceau in re.split(r"[,;\n]", saisie or ""):
        e = " ".join(morceau.split()).lower()[:40]
        if e and e not in vues:
            vues.append(e)
    return vues[:12]


def erreurs_de_dates(date_fiche: date | None, echeance: date | None, aujourd_hui: date) -> dict[str, str]:
    erreurs = {}
    if date_fiche is not None and date_fiche > aujourd_hui:
        erreurs["date_fiche"] = "La date de la fiche ne peut pas être dans le futur."
    if date_fiche is not None and echeance is not None and echeance < date_fiche:
        erreurs["echeance"] = (f"La date d'échéance ou de révision ({echeance:%d/%m/%Y}) ne peut pas être "
                               f"avant la date de la fiche ({date_fiche:%d/%m/%Y}).")
    return erreurs


def etat_echeance(echeance: date | None, aujourd_hui: date) -> str:
    """'' (none), 'a_venir', 'bientot' (within 30 days) or 'depassee' (a reminder: review the fiche)."""
    if echeance is None:
        return ""
    if echeance < aujourd_hui:
        return "depassee"
    if (echeance - aujourd_hui).days <= BIENTOT_JOURS:
        return "bientot"
    return "a_venir"
