"""Render a whole page, or only its fragment for an htmx request.

The fragment is a template the page itself includes, so the markup exists
once (STYLE.md "htmx"): fragment + swap = fresh full page.
"""
from __future__ import annotations

from flask import make_response, render_template, request


def est_htmx() -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-Boosted") != "true"


def rendre(gabarit: str, /, *, fragment: str | None = None, statut: int = 200, **contexte):
    template = fragment if (fragment and est_htmx()) else gabarit
    reponse = make_response(render_template(template, **contexte), statut)
    reponse.headers["Vary"] = "HX-Request"
    return reponse


def erreurs_du_formulaire(form) -> list[tuple[str, str, str]]:
    """(field id, label, message) for the error summary at the top of a form."""
    resume = []
    for champ in form:
        for message in champ.errors:
            resume.append((champ.id, str(champ.label.text), message))
    for message in getattr(form, "form_errors", []):
        resume.append(("", "", message))
    return resume
