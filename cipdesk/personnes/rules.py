"""Pure rules about people: normalisation for search and duplicate detection, age."""
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
