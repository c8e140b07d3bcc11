"""Pure rules of the scheduled follow-ups of an intégration (REAC CP14 « Conduire
des entretiens de suivi avec la personne et les acteurs »): by default J+15, M+1,
M+3, end of the trial period, M+6 from the start date."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.core.libelles import EnumLibelle


class Jalon(EnumLibelle):
    J15 = "j15"
    M1 = "m1"
    M3 = "m3"
    FIN_ESSAI = "fin_essai"
    M6 = "m6"


Jalon.LIBELLES = {"j15": "J+15", "m1": "M+1", "m3": "M+3", "fin_essai": "Fin de la période d'essai", "m6": "M+6"}

# The categories the M+3 / M+6 answers may propose (DOMAIN.md, « sorties »).
PROPOSITIONS = {"durable": "Emploi durable", "transition": "Emploi de transition", "positive": "Sortie positive"}


def plus_mois(d: date, mois: int) -> date:
    """Same day `mois` months later (the month's last day when it has no such day)."""
    annee, m = d.year + (d.month - 1 + mois) // 12, (d.month - 1 + mois) % 12 + 1
    for jour in (d.day, 30, 29, 28):
        try:
            return date(annee, m, min(d.day, jour))
        except ValueError:
            continue
    raise AssertionError


def echeancier(debut: date, fin_essai: date | None) -> list[tuple[Jalon, date]]:
    """The follow-ups to schedule, in date order (the end of the trial only when known)."""
    points = [(Jalon.J15, debut + timedelta(days=15)), (Jalon.M1, plus_mois(debut, 1)),
              (Jalon.M3, plus_mois(debut, 3)), (Jalon.M6, plus_mois(debut, 6))]
    if fin_essai is not None and fin_essai >= debut:
        points.append((Jalon.FIN_ESSAI, fin_essai))
    return sorted(points, key=lambda p: (p[1], list(Jalon).index(p[0])))


def verifier_point(debut: date, le: date | None, aujourd_hui: date) -> dict[str, str]:
    if le is None:
        return {}
    if le < debut:
        return {"fait_le": f"Un point de suivi ne peut pas précéder le début du contrat ({debut:%d/%m/%Y})."}
    if le > aujourd_hui:
        return {"fait_le": "Le point de suivi ne peut pas être daté dans le futur."}
    return {}


def manque(prevu_le: date, fait_le: date | None, aujourd_hui: date) -> bool:
    """A follow-up is missed the day after its planned date, while not done."""
    return fait_le is None and prevu_le < aujourd_hui


def proposition_sortie(jalon: Jalon, type_contrat_valeur: str, toujours_en_poste: bool) -> str | None:
    """The exit category the M+3 / M+6 answers propose, for the conseiller to confirm."""
    if jalon not in (Jalon.M3, Jalon.M6):
        return None
    if not toujours_en_poste:
        return None
    if type_contrat_valeur in ("cdi", "cdd_long", "creation"):
        return "durable"
    if type_contrat_valeur in ("cdd_court", "interim", "contrat_aide", "iae"):
        return "transition"
    return "positive"
