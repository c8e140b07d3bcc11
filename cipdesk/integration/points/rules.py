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
    # Offered to a structure that follows longer or closer (editable calendar).
    J8 = "j8"
    M2 = "m2"
    M9 = "m9"
    M12 = "m12"


Jalon.LIBELLES = {"j15": "J+15", "m1": "M+1", "m3": "M+3", "fin_essai": "Fin de la période d'essai", "m6": "M+6",
                  "j8": "J+8", "m2": "M+2", "m9": "M+9", "m12": "M+12"}

# Issue #14 point 3: J+15, M+1, M+3, end of the trial period, M+6 by default; the structure's
# admin chooses its own calendar, kept in Structure.parametres[PARAMETRE_CALENDRIER] (codes).
CALENDRIER_PAR_DEFAUT = (Jalon.J15, Jalon.M1, Jalon.M3, Jalon.FIN_ESSAI, Jalon.M6)
PARAMETRE_CALENDRIER = "integration_calendrier"
# Jalon → (days, months) after the start date; the end of the trial period is a date of its own.
DECALAGES = {Jalon.J8: (8, 0), Jalon.J15: (15, 0), Jalon.M1: (0, 1), Jalon.M2: (0, 2), Jalon.M3: (0, 3),
             Jalon.M6: (0, 6), Jalon.M9: (0, 9), Jalon.M12: (0, 12)}
ORDRE = (Jalon.J8, Jalon.J15, Jalon.M1, Jalon.M2, Jalon.M3, Jalon.FIN_ESSAI, Jalon.M6, Jalon.M9, Jalon.M12)


def calendrier(parametres: dict | None) -> tuple[Jalon, ...]:
    """The structure's follow-up calendar (codes it no longer knows are ignored)."""
    codes = (parametres or {}).get(PARAMETRE_CALENDRIER)
    if not codes:
        return CALENDRIER_PAR_DEFAUT
    jalons = tuple(j for j in ORDRE if j.value in set(codes))
    return jalons or CALENDRIER_PAR_DEFAUT


def verifier_calendrier(codes: list[str]) -> dict[str, str]:
    connus = {j.value for j in ORDRE}
    if not codes:
        return {"jalons": "Gardez au moins un point de suivi."}
    if not set(codes) <= connus:
        return {"jalons": "Choisissez les points de suivi dans la liste."}
    return {}

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


def echeancier(debut: date, fin_essai: date | None,
               jalons: tuple[Jalon, ...] = CALENDRIER_PAR_DEFAUT) -> list[tuple[Jalon, date]]:
    """The follow-ups to schedule from the structure's calendar, in date order (the end of
    the trial only when known)."""
    points = []
    for jalon in jalons:
        if jalon == Jalon.FIN_ESSAI:
            if fin_essai is not None and fin_essai >= debut:
                points.append((jalon, fin_essai))
            continue
        jours, mois = DECALAGES[jalon]
        points.append((jalon, plus_mois(debut, mois) + timedelta(days=jours)))
    return sorted(points, key=lambda p: (p[1], ORDRE.index(p[0])))


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
