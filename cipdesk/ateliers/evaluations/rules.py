"""Evaluation of the objectifs pédagogiques and satisfaction (REAC CP10 : « Évaluer
l'atteinte des objectifs d'apprentissage », « Mesurer la satisfaction des apprenants »). Pure."""
from __future__ import annotations

from collections import Counter

from cipdesk.core.libelles import EnumLibelle


class Resultat(EnumLibelle):
    ATTEINT = "atteint"
    PARTIEL = "partiel"
    NON_ATTEINT = "non_atteint"


Resultat.LIBELLES = {"atteint": "Atteint", "partiel": "Partiellement atteint", "non_atteint": "Non atteint"}

class Moment(EnumLibelle):
    """Satisfaction à chaud (at the end of the session) or à froid (N weeks later)."""
    A_CHAUD = "a_chaud"
    A_FROID = "a_froid"


Moment.LIBELLES = {"a_chaud": "À chaud (fin de session)", "a_froid": "À froid (quelques semaines après)"}

NOTES_SATISFACTION = {1: "1 — Pas du tout satisfait·e", 2: "2 — Peu satisfait·e", 3: "3 — Satisfait·e",
                      4: "4 — Très satisfait·e"}


def repartition(resultats: list[Resultat]) -> dict[Resultat, int]:
    compte = Counter(resultats)
    return {r: compte.get(r, 0) for r in Resultat}


def moyenne(notes: list[int]) -> float | None:
    return round(sum(notes) / len(notes), 1) if notes else None
