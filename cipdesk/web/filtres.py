"""Template filters in French formats (dd/mm/yyyy, decimal comma)."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from cipdesk.core.dates import date_heure_fr, heure_fr

PARIS = ZoneInfo("Europe/Paris")


def date_fr(valeur) -> str:
    if valeur is None:
        return "—"
    if isinstance(valeur, datetime):
        if valeur.tzinfo is None:
            valeur = valeur.replace(tzinfo=timezone.utc)
        return valeur.astimezone(PARIS).strftime("%d/%m/%Y")
    if isinstance(valeur, date):
        return valeur.strftime("%d/%m/%Y")
    return str(valeur)


def nombre_fr(valeur, decimales: int = 0) -> str:
    if valeur is None:
        return "—"
    texte = f"{valeur:,.{decimales}f}"
    return texte.replace(",", "\u202f").replace(".", ",")


def majuscule_initiale(texte: str) -> str:
    """Like `capitalize` but leaves the rest alone (« CP9 » stays « CP9 »)."""
    texte = str(texte or "")
    return texte[:1].upper() + texte[1:]


def enregistrer(app) -> None:
    app.add_template_filter(majuscule_initiale, "majuscule_initiale")
    app.add_template_filter(date_fr, "date_fr")
    app.add_template_filter(date_heure_fr, "date_heure_fr")
    app.add_template_filter(heure_fr, "heure_fr")
    app.add_template_filter(nombre_fr, "nombre_fr")
    from cipdesk.core.contrat import registre

    # Record kinds (label, page) for every template: « Mes compétences », timeline, audit.
    app.jinja_env.globals["registre"] = registre
