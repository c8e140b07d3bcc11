"""iCalendar (RFC 5545) with the icalendar library: the conseiller's feed (webcal) and the
invitation e-mailed to the person (METHOD:REQUEST). One UID per rendez-vous for ever; its
SEQUENCE grows when it moves, so calendars update the event in place."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from icalendar import Calendar, Event, vCalAddress, vText

from cipdesk.agenda import rules

PRODID = "-//cipdesk//agenda//FR"


def _calendrier(**proprietes) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    for cle, valeur in proprietes.items():
        cal.add(cle.replace("_", "-"), valeur)
    return cal


def evenement(rdv, *, titre: str, lieu: str, maintenant: datetime, description: str = "") -> Event:
    e = Event()
    e.add("uid", rdv.uid)
    e.add("sequence", rdv.sequence)
    e.add("dtstamp", maintenant.astimezone(timezone.utc))
    e.add("dtstart", rules.debut(rdv.le, rdv.heure))
    e.add("dtend", rules.fin(rdv.le, rdv.heure, rdv.duree_minutes))
    e.add("summary", titre)
    if lieu:
        e.add("location", lieu)
    if description:
        e.add("description", description)
    e.add("status", "CANCELLED" if rdv.annule else "CONFIRMED")
    return e


def flux(evenements: Iterable[Event], *, nom: str) -> bytes:
    """The feed a calendar application subscribes to."""
    cal = _calendrier(calscale="GREGORIAN", method="PUBLISH", x_wr_calname=nom, x_wr_timezone="Europe/Paris")
    for e in evenements:
        cal.add_component(e)
    cal.add_missing_timezones()
    return cal.to_ical()


def invitation(rdv, *, titre: str, lieu: str, maintenant: datetime, organisateur: tuple[str, str],
               participant: tuple[str, str], description: str = "", methode: str = "REQUEST") -> str:
    """METHOD:REQUEST with the organiser (the conseiller) and the person invited; METHOD:CANCEL
    (same UID, higher SEQUENCE, STATUS:CANCELLED) withdraws it from the person's calendar."""
    cal = _calendrier(method=methode)
    e = evenement(rdv, titre=titre, lieu=lieu, maintenant=maintenant, description=description)
    org = vCalAddress(f"mailto:{organisateur[1]}")
    org.params["cn"] = vText(organisateur[0])
    e["organizer"] = org
    invite = vCalAddress(f"mailto:{participant[1]}")
    invite.params["cn"] = vText(participant[0])
    invite.params["role"] = vText("REQ-PARTICIPANT")
    invite.params["partstat"] = vText("NEEDS-ACTION")
    invite.params["rsvp"] = vText("FALSE")
    e.add("attendee", invite, encode=0)
    cal.add_component(e)
    cal.add_missing_timezones()
    return cal.to_ical().decode()
