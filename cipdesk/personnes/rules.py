"""Pure rules about people: normalisation for search, duplicate detection, age, birth date."""
from __future__ import annotations

import re
from datetime import date

from cipdesk.core.texte import normaliser_nom, sans_accents  # noqa: F401  (re-exported)


def chiffres(texte: str) -> str:
    return re.sub(r"\D", "", texte or "")


def age(naissance: date | None, le: date) -> int | None:
    if naissance is None:
        return None
    return le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))


AGE_MINIMUM = 14    # youngest person a structure of insertion accompanies
AGE_MAXIMUM = 100


def erreur_date_naissance(naissance: date | None, aujourd_hui: date) -> str | None:
    if naissance is None:
        return None
    if naissance > aujourd_hui:
        return "La date de naissance ne peut pas être dans le futur."
    ans = aujourd_hui.year - naissance.year - ((aujourd_hui.month, aujourd_hui.day) < (naissance.month, naissance.day))
    if ans < AGE_MINIMUM:
        return f"La personne aurait {ans} ans : vérifiez l'année (âge minimum {AGE_MINIMUM} ans)."
    if ans > AGE_MAXIMUM:
        return f"La personne aurait {ans} ans : vérifiez l'année de naissance."
    return None


def cle_doublon(nom: str, prenom: str, naissance: date | None) -> tuple[str, date | None]:
    """Probable duplicate: same normalised « nom prénom » and same birth date
    (accents, case, hyphens and the order of the names do not matter)."""
    return " ".join(sorted(normaliser_nom(nom, prenom).split())), naissance


def est_doublon_probable(a: tuple[str, str, date | None], b: tuple[str, str, date | None]) -> bool:
    if a[2] is None or b[2] is None:
        return False
    return cle_doublon(*a) == cle_doublon(*b)
