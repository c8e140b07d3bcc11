"""Text normalisation shared by every module (search, duplicate detection, sorting)."""
from __future__ import annotations

import re
import unicodedata


def sans_accents(texte: str) -> str:
    decompose = unicodedata.normalize("NFKD", texte or "")
    return "".join(c for c in decompose if not unicodedata.combining(c))


def normaliser_nom(*parties: str) -> str:
    """« Élodie  DUPONT-Martin » → « elodie dupont martin »."""
    texte = sans_accents(" ".join(p for p in parties if p)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", texte).split())
