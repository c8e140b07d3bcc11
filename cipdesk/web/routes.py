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


@bp.get("/sante")
def sante():
    """Liveness probe for the compose health check and the gunicorn test."""
    from sqlalchemy import text

    from cipdesk.core.db import db

    db.session.execute(text("SELECT 1"))
    return {"statut": "ok"}
