"""The parent blueprint `/employeurs/` (its sub-entities' blueprints are nested in it)
and its overview page: overdue next actions, offers in progress."""
from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.interactions import queries as interactions
from cipdesk.employeurs.offres import queries as offres
from cipdesk.employeurs.offres.rules import StatutOffre
from cipdesk.security import policy
from cipdesk.web.rendu import rendre

bp = Blueprint("employeurs", __name__, url_prefix="/employeurs")


@bp.get("/")
def index():
    policy.exiger(policy.peut(current_user, "employeurs.voir"))
    en_retard = db.session.scalars(interactions.actions_en_retard(current_user.structure_id, aujourdhui())
                                   .limit(100)).all()
    en_cours = db.session.scalars(offres.offres(current_user.structure_id,
                                                statuts=(StatutOffre.BROUILLON, StatutOffre.PUBLIEE)).limit(50)).all()
    return rendre("employeurs/index.html", en_retard=en_retard, offres=en_cours)
