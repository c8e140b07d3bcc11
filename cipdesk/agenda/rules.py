"""Pure rules of the agenda: codes and labels, the slot, when a reminder goes or is given up,
repeated no-shows, and the texts of the messages."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cipdesk.core.dates import heure_fr
from cipdesk.core.libelles import EnumLibelle

PARIS = ZoneInfo("Europe/Paris")


class NatureRdv(EnumLibelle):
    ENTRETIEN = "entretien"
    ATELIER = "atelier"
    SUIVI_INTEGRATION = "suivi_integration"
    VISITE_EMPLOYEUR = "visite_employeur"


NatureRdv.LIBELLES = {"entretien": "Entretien individuel", "atelier": "Séance d'atelier",
                      "suivi_integration": "Suivi d'intégration", "visite_employeur": "Visite d'employeur"}


class Modalite(EnumLibelle):
    STRUCTURE = "structure"
    TELEPHONE = "telephone"
    VISIO = "visio"
    DOMICILE = "domicile"
    ENTREPRISE = "entreprise"


Modalite.LIBELLES = {"structure": "Dans les locaux de la structure", "telephone": "Par téléphone",
                     "visio": "En visioconférence", "domicile": "À domicile", "entreprise": "En entreprise"}


class Presence(EnumLibelle):
    HONORE = "honore"
    EXCUSE = "excuse"
    NON_HONORE = "non_honore"


Presence.LIBELLES = {"honore": "Honoré", "excuse": "Excusé", "non_honore": "Non honoré"}

# how the answer was collected, yes or no: « Accord oral » beside « non » contradicted itself
MODES_CONSENTEMENT = {"oral": "Oralement, notée en entretien", "ecrit": "Par écrit, signée",
                      "courriel": "Par e-mail"}

DUREE_MIN, DUREE_MAX = 5, 8 * 60
RAPPEL_HEURES_DEFAUT = 24
PARAMETRE_RAPPEL = "agenda_rappel_heures"
# Repeated no-shows: this many « non honoré » among the last rendez-vous whose attendance is noted.
ABSENCES_SEUIL, ABSENCES_FENETRE = 2, 3


def debut(le: date, heure: time) -> datetime:
    """The start, in Paris time (aware)."""
    return datetime.combine(le, heure, tzinfo=PARIS)


def fin(le: date, heure: time, duree_minutes: int) -> datetime:
    return debut(le, heure) + timedelta(minutes=duree_minutes)


def creneau_change(avant: tuple, apres: tuple) -> bool:
    """(le, heure, durée, modalité, lieu) before and after an edit: does the event move?"""
    return tuple(avant) != tuple(apres)


def erreurs_du_creneau(*, le: date | None, heure: time | None, duree: int | None, modalite: str,
                       lieu: str, personne: bool, nature: str, aujourd_hui: date) -> dict[str, str]:
    """{field: French message} of what cannot be planned."""
    erreurs = {}
    if le is not None and le < aujourd_hui:
        erreurs["le"] = "La date est passée : un rendez-vous se planifie à partir d'aujourd'hui."
    if duree is not None and not DUREE_MIN <= duree <= DUREE_MAX:
        erreurs["duree"] = f"La durée va de {DUREE_MIN} minutes à {DUREE_MAX // 60} heures."
    if modalite == Modalite.ENTREPRISE and not lieu.strip():
        erreurs["lieu"] = "Indiquez l'entreprise et son adresse pour un rendez-vous en entreprise."
    if not personne and nature != NatureRdv.VISITE_EMPLOYEUR:
        erreurs["personne"] = "Choisissez la personne reçue (seule une visite d'employeur peut s'en passer)."
    if modalite == Modalite.DOMICILE and not personne:
        erreurs["modalite"] = "Un rendez-vous à domicile se fait avec une personne accompagnée."
    return erreurs


def presence_notable(le: date, aujourd_hui: date) -> bool:
    """Attendance is noted from the day of the rendez-vous on, never before."""
    return le <= aujourd_hui


def moment_du_rappel(debut_: datetime, heures: int) -> datetime:
    return debut_ - timedelta(hours=heures)


def motif_d_abandon(*, annule: bool, debut_: datetime, presence, maintenant: datetime) -> str | None:
    """Why a message about a rendez-vous must not go any more (None: it may go)."""
    if annule:
        return "Rendez-vous annulé : message non envoyé."
    if presence is not None:
        return "Présence déjà notée : message non envoyé."
    if debut_ <= maintenant:
        return "Rendez-vous passé : message non envoyé."
    return None


def absences_repetees(presences_recentes: Sequence) -> bool:
    """`presences_recentes`: the noted attendances, most recent first."""
    fenetre = list(presences_recentes)[:ABSENCES_FENETRE]
    return sum(1 for p in fenetre if p == Presence.NON_HONORE) >= ABSENCES_SEUIL


JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")


def date_longue(d: date) -> str:
    return f"{JOURS[d.weekday()]} {d.day}{'er' if d.day == 1 else ''} {MOIS[d.month - 1]} {d.year}"


def lundi(d: date) -> date:
    return d - timedelta(days=d.weekday())


def ou(modalite, lieu: str, adresse_structure: str, adresse_personne: str) -> str:
    """Where, in words, for the person."""
    if modalite == Modalite.TELEPHONE:
        return "Par téléphone : votre conseiller·ère vous appellera" + (f" ({lieu})" if lieu else "") + "."
    if modalite == Modalite.VISIO:
        return "En visioconférence" + (f" : {lieu}" if lieu else " (le lien vous sera communiqué)") + "."
    if modalite == Modalite.DOMICILE:
        return "À votre domicile" + (f" : {adresse_personne}" if adresse_personne else "") + "."
    if modalite == Modalite.ENTREPRISE:
        return f"En entreprise : {lieu}."
    return ", ".join(x for x in (lieu, adresse_structure) if x) + "." if (lieu or adresse_structure) else \
        "Dans les locaux de la structure."


def texte_convocation(*, prenom: str, nom: str, nature_libelle: str, le: date, heure: time, duree: int,
                      ou_: str, a_apporter: str, conseiller: str, structure: str, contact: str) -> tuple[str, str]:
    """(subject, text) of the convocation e-mail. Nothing of the person's situation: the
    reason of the rendez-vous stays in the file."""
    sujet = f"Convocation : {nature_libelle.lower()} le {date_longue(le)} à {heure_fr(heure)}"
    lignes = [f"Bonjour {prenom} {nom},", "",
              f"Vous êtes convoqué·e à un rendez-vous ({nature_libelle.lower()}) avec {conseiller}, "
              f"{structure}, le {date_longue(le)} à {heure_fr(heure)} (durée prévue : {duree} minutes).", "",
              f"Lieu : {ou_}"]
    if a_apporter.strip():
        lignes += ["", f"À apporter : {a_apporter.strip()}"]
    lignes += ["", f"En cas d'empêchement, prévenez-nous le plus tôt possible : {contact}.", "",
               "L'invitation jointe s'ajoute à votre agenda.", "", f"{conseiller} — {structure}"]
    return sujet, "\n".join(lignes)


def texte_rappel(*, prenom: str, nom: str, nature_libelle: str, le: date, heure: time, ou_: str,
                 conseiller: str, structure: str, contact: str) -> tuple[str, str]:
    sujet = f"Rappel : rendez-vous le {date_longue(le)} à {heure_fr(heure)}"
    texte = "\n".join([
        f"Bonjour {prenom} {nom},", "",
        f"Nous vous rappelons votre rendez-vous ({nature_libelle.lower()}) avec {conseiller}, {structure}, "
        f"le {date_longue(le)} à {heure_fr(heure)}.", "", f"Lieu : {ou_}", "",
        f"En cas d'empêchement, prévenez-nous : {contact}.", "", f"{conseiller} — {structure}"])
    return sujet, texte


def texte_annulation(*, prenom: str, nom: str, nature_libelle: str, le: date, heure: time, conseiller: str,
                     structure: str, contact: str) -> tuple[str, str]:
    """Sent only when the conseiller cancels a rendez-vous the person was convoked to by e-mail
    (never after a no-show: an absence sends nothing)."""
    sujet = f"Annulation : rendez-vous du {date_longue(le)} à {heure_fr(heure)}"
    texte = "\n".join([
        f"Bonjour {prenom} {nom},", "",
        f"Votre rendez-vous ({nature_libelle.lower()}) avec {conseiller}, {structure}, prévu le {date_longue(le)} "
        f"à {heure_fr(heure)}, est annulé. Nous vous proposerons une nouvelle date.", "",
        f"Pour toute question : {contact}.", "", f"{conseiller} — {structure}"])
    return sujet, texte
