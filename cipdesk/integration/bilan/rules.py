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


# The parcours's exit motive (codes of parcours.sortie.rules.MOTIFS_SORTIE, DOMAIN.md « sorties »)
# that a confirmed category means for this contract type. « Autre sortie » says nothing of the
# motive (chômage, inactivité, sans nouvelles): the conseiller writes it in the parcours.
_MOTIFS = {
    "durable": {"cdi": "cdi", "creation": "creation_entreprise", "": "cdd_6_mois_plus"},
    "transition": {"contrat_aide": "contrat_aide", "": "cdd_moins_6_mois"},
    "positive": {"iae": "autre_siae", "alternance": "formation", "": "autre_positive"},
}


def motif_de_sortie(categorie: str, type_contrat: str) -> str | None:
    """The parcours exit motive of a confirmed category (issue #14 point 6), or None."""
    motifs = _MOTIFS.get(categorie)
    if motifs is None:
        return None
    return motifs.get(type_contrat, motifs[""])


# Follow-up milestone (points.rules.Jalon code) → the month of the follow-up after the exit.
MOIS_APRES_SORTIE = {"m3": 3, "m6": 6}
