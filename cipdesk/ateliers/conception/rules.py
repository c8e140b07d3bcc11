"""Rules of the design of an atelier (REAC CP9): pure functions, no session, no Flask.

REAC CP9, critères de performance: « La progression pédagogique est en adéquation avec
les objectifs de l'atelier » ; « Les modalités, méthodes et ressources pédagogiques sont
adaptées au contenu et au public » ; « Le dispositif d'évaluation est en adéquation avec
les objectifs à atteindre »."""
from __future__ import annotations

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle


class Origine(EnumLibelle):
    """REAC CP9: « En s'appuyant sur une demande institutionnelle ou sur un besoin identifié »."""
    BESOIN = "besoin"
    DEMANDE = "demande"


Origine.LIBELLES = {"besoin": "Besoin identifié dans la file active",
                    "demande": "Demande institutionnelle (commanditaire)"}


class Methode(EnumLibelle):
    """Méthodes pédagogiques (REAC CP9 : « Connaissances des différentes modalités et approches
    pédagogiques »)."""
    EXPOSITIVE = "expositive"
    DEMONSTRATIVE = "demonstrative"
    INTERROGATIVE = "interrogative"
    ACTIVE = "active"


Methode.LIBELLES = {"expositive": "Expositive (transmissive)", "demonstrative": "Démonstrative",
                    "interrogative": "Interrogative (maïeutique)", "active": "Active / expérientielle"}


class Modalite(EnumLibelle):
    INDIVIDUEL = "individuel"
    SOUS_GROUPES = "sous_groupes"
    COLLECTIF = "collectif"


Modalite.LIBELLES = {"individuel": "Travail individuel", "sous_groupes": "En sous-groupes",
                     "collectif": "En collectif (grand groupe)"}


class Format(EnumLibelle):
    """REAC CP10 : « Animer un atelier en présentiel ou à distance »."""
    PRESENTIEL = "presentiel"
    DISTANCIEL = "distanciel"


Format.LIBELLES = {"presentiel": "Présentiel", "distanciel": "Distanciel"}


def duree_texte(minutes: int | None) -> str:
    """3 h 30, 45 min, 2 h."""
    if not minutes:
        return "0 min"
    h, m = divmod(int(minutes), 60)
    if not h:
        return f"{m} min"
    return f"{h} h {m:02d}" if m else f"{h} h"


def erreurs_places(places_min: int | None, places_max: int | None) -> dict[str, str]:
    """Cahier des charges: a number of places, min ≤ max, at least one place."""
    erreurs = {}
    if places_max is not None and places_max < 1:
        erreurs["places_max"] = "Le nombre de places maximum doit être d'au moins 1."
    if places_min is not None and places_min < 0:
        erreurs["places_min"] = "Le nombre de places minimum ne peut pas être négatif."
    if places_min is not None and places_max is not None and places_min > places_max:
        erreurs["places_min"] = (f"Le minimum ({places_min}) dépasse le maximum de places ({places_max}).")
    return erreurs


DUREE_MAX_SEQUENCE = 4 * 60  # a séquence fits in one half-day


def erreur_sequence(duree: int | None, duree_atelier: int | None) -> str | None:
    """A séquence lasts at least 5 minutes, fits in one half-day and never exceeds the
    atelier's whole duration (cahier des charges)."""
    if duree is None or duree < 5:
        return "Une séquence dure au moins 5 minutes."
    if duree > DUREE_MAX_SEQUENCE:
        return (f"La séquence ({duree_texte(duree)}) est plus longue qu'une demi-journée "
                f"({duree_texte(DUREE_MAX_SEQUENCE)}) : découpez-la en plusieurs séquences.")
    if duree_atelier and duree > duree_atelier:
        return (f"La séquence ({duree_texte(duree)}) est plus longue que la session prévue au cahier "
                f"des charges ({duree_texte(duree_atelier)}).")
    return None


def avertissement_duree(total_progression: int, duree_prevue: int | None) -> str | None:
    """A warning, not a block: the progression's total against the planned length."""
    if not duree_prevue or total_progression == duree_prevue:
        return None
    if total_progression > duree_prevue:
        return (f"La progression dure {duree_texte(total_progression)}, plus que la durée prévue "
                f"({duree_texte(duree_prevue)}) : prévoyez de réduire ou de découper des séquences.")
    return (f"La progression dure {duree_texte(total_progression)}, moins que la durée prévue "
            f"({duree_texte(duree_prevue)}) : il reste {duree_texte(duree_prevue - total_progression)} à construire.")


def reordonner(actuels: list, demandes: list) -> list:
    """The order the conseiller dropped the séquences in (drag and drop, issue #12 point 3):
    the same séquences exactly, each once; otherwise the progression changed since the page
    was read (a séquence added or removed by a colleague) and nothing is moved."""
    if len(demandes) != len(actuels) or set(demandes) != set(actuels):
        raise ErreurMetier("La progression a changé depuis l'affichage de la page : rechargez-la, puis "
                           "déplacez de nouveau la séquence.", "ordre")
    return list(demandes)


def deplacer(ids: list, element, sens: int) -> list:
    """The order of the séquences after moving `element` one place up (-1) or down (+1);
    unchanged at either end."""
    ordre = list(ids)
    i = ordre.index(element)
    j = i + sens
    if 0 <= j < len(ordre):
        ordre[i], ordre[j] = ordre[j], ordre[i]
    return ordre
