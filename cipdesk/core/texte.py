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


# -- phonetic keys of French names (issue #11, point 6) ------------------------------------
# A simplified French phonetic key, for search only (never shown): the spellings a conseiller
# hears the same give the same key. « Dupond » / « Dupont » → « dupon » ; « Lefèvre » /
# « Lefebvre » → « lefevr » ; « Philippe » / « Filipe » → « filip » ; « Mathieu » / « Matthieu ».
_GRAPHIES = (("sch", "ch"), ("ph", "f"), ("ck", "k"), ("qu", "k"), ("q", "k"), ("bv", "v"), ("w", "v"),
             ("y", "i"), ("z", "s"), ("eau", "o"), ("au", "o"), ("ai", "e"), ("ei", "e"), ("oe", "e"),
             ("ae", "e"))


def cle_phonetique(mot: str) -> str:
    """The phonetic key of one word (lower case, accents removed first)."""
    m = re.sub(r"[^a-z]", "", sans_accents(mot or "").lower())
    if not m:
        return ""
    m = re.sub(r"(?<=[aeiouy])[dtsxz]+$", "", m) or m       # silent final consonants: Dupond, Leroux
    m = re.sub(r"(?<=[aeiouy]n)[dtsxz]+$", "", m) or m     # … after a nasal: Laurent, Bertrand
    for graphie, son in _GRAPHIES:
        m = m.replace(graphie, son)
    m = re.sub(r"c(?=[ei])", "s", m).replace("c", "k").replace("kh", "ch")
    m = re.sub(r"g(?=[ei])", "j", m).replace("gu", "g")
    m = re.sub(r"(?<!c)h", "", m)                           # silent h (but « ch »)
    m = re.sub(r"e([nm])(?=[^aeiou]|$)", r"a\1", m)         # en / em sound like an / am
    m = re.sub(r"m(?=[bp])", "n", m)
    m = m.replace("x", "ks")
    m = re.sub(r"(.)\1+", r"\1", m)                         # double letters
    if len(m) > 2 and m.endswith("e"):
        m = m[:-1]                                          # mute final e
    return m


def cles_phonetiques(*parties: str) -> str:
    """The phonetic keys of every word of a name, space-separated (a search column)."""
    return " ".join(k for mot in normaliser_nom(*parties).split() if (k := cle_phonetique(mot)))
