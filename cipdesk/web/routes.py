from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user

from cipdesk.web.modules import SECTIONS, SECTIONS_PAR_CODE
from cipdesk.web.rendu import rendre

bp = Blueprint("web", __name__)


@bp.get("/")
def accueil():
    sections = [s for s in SECTIONS if current_user.role.value in s.roles]
    from cipdesk.db import db
    from cipdesk.parcours.queries import mes_alertes

    return rendre("home/accueil.html", sections=sections, mes_alertes=mes_alertes(db.session, current_user))


@bp.get("/module/<code>")
def module(code: str):
    """A section not built yet: it says so plainly (no dead links)."""
    section = SECTIONS_PAR_CODE.get(code)
    if section is None:
        abort(404)
    if current_user.role.value not in section.roles:
        abort(403)
    return rendre("home/module.html", section=section)


@bp.get("/sante")
def sante():
    """Liveness probe for the compose health check and the gunicorn test."""
    from sqlalchemy import text

    from cipdesk.db import db

    db.session.execute(text("SELECT 1"))
    return {"statut": "ok"}
