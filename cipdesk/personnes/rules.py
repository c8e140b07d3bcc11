"""Pure rules about people: normalisation for search, duplicate detection, age, birth date."""
from __future__ import annotations

import re
import unicodedata
from datetime import date


def sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFKD", texte or "")
    return "".join(c for c in decompose if not unicodedata.combining(c))


def normaliser_nom(*parties: str) -> str:
    """« Élodie  DUPONT-Martin » → « elodie dupont martin »."""
    texte = sans_accents(" ".join(p for p in parties if p)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", texte).split())


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
