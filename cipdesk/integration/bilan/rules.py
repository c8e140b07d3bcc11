"""The bilan of an intégration (REAC CP14 « Le bilan de l'intégration du salarié est
réalisé »): the exit category proposed from the M+3 / M+6 follow-ups, for the
conseiller to confirm (DOMAIN.md, sorties)."""
from __future__ import annotations

CATEGORIES = {"durable": "Emploi durable", "transition": "Emploi de transition", "positive": "Sortie positive",
              "autre": "Autre sortie"}


def categorie_proposee(propositions: list[str | None]) -> str | None:
    """The latest proposal among the follow-ups done (M+6 wins over M+3)."""
    faites = [p for p in propositions if p]
    return faites[-1] if faites else None
