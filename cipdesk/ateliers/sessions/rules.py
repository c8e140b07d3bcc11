"""Rules of the sessions of an atelier (REAC CP10): half-days, capacity, waiting list.
Pure functions, no session, no Flask."""
from __future__ import annotations

from datetime import time

from cipdesk.core.libelles import EnumLibelle


class Periode(EnumLibelle):
    MATIN = "matin"
    APRES_MIDI = "apres_midi"


Periode.LIBELLES = {"matin": "Matin", "apres_midi": "Après-midi"}


class StatutInscription(EnumLibelle):
    INSCRIT = "inscrit"
    ATTENTE = "attente"
    DESISTE = "desiste"


StatutInscription.LIBELLES = {"inscrit": "Inscrit·e", "attente": "Liste d'attente", "desiste": "Désisté·e"}

DUREE_MAX_DEMI_JOURNEE = 4 * 60
MIDI = time(12, 0)
QUATORZE = time(14, 0)


def minutes(debut: time, fin: time) -> int:
    return (fin.hour * 60 + fin.minute) - (debut.hour * 60 + debut.minute)


def erreurs_demi_journee(periode: Periode | None, debut: time | None, fin: time | None) -> dict[str, str]:
    """A half-day: the end after the start, at most 4 hours, the morning before 14:00 and
    the afternoon from noon."""
    erreurs: dict[str, str] = {}
    if debut is None or fin is None:
        return erreurs
    if fin <= debut:
        erreurs["fin"] = "L'heure de fin doit être postérieure à l'heure de début."
        return erreurs
    if minutes(debut, fin) > DUREE_MAX_DEMI_JOURNEE:
        erreurs["fin"] = "Une demi-journée dure au plus 4 h : créez une seconde demi-journée."
    elif periode == Periode.MATIN and fin > QUATORZE:
        erreurs["fin"] = "Une demi-journée du matin se termine au plus tard à 14 h."
    elif periode == Periode.APRES_MIDI and debut < MIDI:
        erreurs["debut"] = "Une demi-journée de l'après-midi commence à partir de 12 h."
    return erreurs


def erreur_capacite(capacite: int | None, inscrits: int) -> str | None:
    """The capacity is never below the people already enrolled (REAC CP10 : « identifier
    les contraintes de mise en œuvre »)."""
    if capacite is None or capacite < 1:
        return "La capacité doit être d'au moins 1 place."
    if capacite < inscrits:
        return (f"La capacité ({capacite}) est inférieure au nombre de participants déjà inscrits "
                f"({inscrits}) : désinscrivez d'abord des participants.")
    return None


def places_restantes(capacite: int, inscrits: int) -> int:
    return max(capacite - inscrits, 0)
