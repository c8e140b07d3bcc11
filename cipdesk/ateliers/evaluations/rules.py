"""Evaluation of the objectifs pédagogiques and satisfaction (REAC CP10 : « Évaluer
l'atteinte des objectifs d'apprentissage », « Mesurer la satisfaction des apprenants »). Pure."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

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


def date_a_froid(dernier_jour: date | None, semaines: int | None) -> date | None:
    """The questionnaire à froid is due N weeks after the last half-day (dispositif
    d'évaluation of the cahier des charges, REAC CP9 : « en élaborer le dispositif d'évaluation »)."""
    if dernier_jour is None or not semaines:
        return None
    return dernier_jour + timedelta(weeks=semaines)


def erreur_moment(moment: Moment | None, premier_jour: date | None, dernier_jour: date | None,
                  semaines: int | None, aujourd_hui: date) -> str | None:
    """À chaud: once the session has started. À froid: once the session is over and, when
    the cahier des charges sets a delay, once the N weeks have passed."""
    if moment is None:
        return "Choisissez le questionnaire : à chaud ou à froid."
    if premier_jour is None or premier_jour > aujourd_hui:
        return "La session n'a pas encore commencé : la satisfaction se recueille pendant ou après la session."
    if moment == Moment.A_FROID:
        if dernier_jour is None or dernier_jour >= aujourd_hui:
            return "Un questionnaire à froid se remplit après la dernière demi-journée de la session."
        prevue = date_a_froid(dernier_jour, semaines)
        if prevue is not None and aujourd_hui < prevue:
            return (f"Le suivi à froid est prévu {semaines} semaine{'s' if semaines > 1 else ''} après la session, "
                    f"à partir du {prevue:%d/%m/%Y}.")
    return None
