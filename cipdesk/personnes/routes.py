"""The home page: the sections of the job the user may open, and « Mes alertes »."""
from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.personnes.queries import mes_alertes
from cipdesk.web.rendu import rendre

bp = Blueprint("personnes", __name__)


@bp.get("/")
def accueil():
    sections = [n for n in registre.navigation() if n.visible(current_user)]
    return rendre("home/accueil.html", sections=sections,
                  mes_alertes=mes_alertes(db.session, current_user, aujourdhui()))
