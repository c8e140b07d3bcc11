"""Pages of the platform itself: a section not built yet, and the health probe."""
from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.web.rendu import rendre

bp = Blueprint("web", __name__)


@bp.get("/module/<code>")
def module(code: str):
    """A section not built yet: it says so plainly (no dead links)."""
    section = next((n for n in registre.navigation() if n.code == code), None)
    if section is None:
        abort(404)
    if not section.visible(current_user):
        abort(403)
    return rendre("home/module.html", section=section)


# Pages every public-service site must have, linked from the footer, readable
# without logging in (issue #11, point 11).
PAGES_D_INFORMATION = {
    "accessibilite": "information/accessibilite.html",
    "mentions-legales": "information/mentions_legales.html",
    "donnees-personnelles": "information/donnees_personnelles.html",
}


# « mot-de-passe-oublie » is now a real page of comptes (issue #18, point 5).
@bp.get("/<any('accessibilite', 'mentions-legales', 'donnees-personnelles'):page>")
def information(page: str):
    return rendre(PAGES_D_INFORMATION[page])


@bp.get("/sante")
def sante():
    """Liveness probe for the compose health check and the gunicorn test."""
    from sqlalchemy import text

    from cipdesk.core.db import db

    db.session.execute(text("SELECT 1"))
    return {"statut": "ok"}
