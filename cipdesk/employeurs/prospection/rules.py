"""Pure rules of a prospection action run as a project (REAC CP12, critère
« L'évaluation de l'action de prospection permet de mesurer les écarts »)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cipdesk.core.libelles import EnumLibelle


class Indicateur(EnumLibelle):
    CONTACTS = "contacts"
    VISITES = "visites"
    OFFRES = "offres"
    PLACEMENTS = "placements"


Indicateur.LIBELLES = {"contacts": "Échanges avec des employeurs", "visites": "Visites en entreprise",
                       "offres": "Offres recueillies", "placements": "Embauches"}


@dataclass(frozen=True)
class Ecart:
    indicateur: Indicateur
    cible: int
    realise: int

    @property
    def ecart(self) -> int:
        return self.realise - self.cible

    @property
    def taux(self) -> int | None:
        """Achievement in percent of the target (None for a zero target)."""
        return round(100 * self.realise / self.cible) if self.cible else None

    @property
    def atteint(self) -> bool:
        return self.realise >= self.cible


def ecarts(cibles: dict[str, int], realises: dict[str, int]) -> list[Ecart]:
    """Each indicator's target, actual and gap, in the order of `Indicateur`."""
    return [Ecart(i, cibles[i.value], realises.get(i.value, 0)) for i in Indicateur if i.value in cibles]


def verifier_periode(debut: date | None, fin: date | None) -> dict[str, str]:
    if debut and fin and fin < debut:
        return {"fin": "La fin de l'action ne peut pas précéder son début."}
    return {}


def verifier_evaluation(lignes: list[Ecart], causes: str) -> dict[str, str]:
    """An evaluation measures the gaps AND says why: a target missed needs its causes."""
    manques = [e.indicateur.libelle.lower() for e in lignes if not e.atteint]
    if manques and not (causes or "").strip():
        return {"causes_ecarts": "Des objectifs ne sont pas atteints (" + ", ".join(manques)
                                 + ") : analysez-en les causes."}
    return {}
