"""The parent blueprint `/integration/` (sub-entities nested) and its overview page:
the follow-ups due this week and the intégrations in progress."""
from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.integration.suivis import queries
from cipdesk.security import policy
from cipdesk.web.rendu import rendre

bp = Blueprint("integration", __name__, url_prefix="/integration")


@bp.get("/")
def index():
    policy.exiger(policy.peut(current_user, "integration.voir"))
    aujourd_hui = aujourdhui()
    a_faire, suivis = queries.apercu(db.session, current_user, aujourd_hui)
    return rendre("integration/index.html", suivis=suivis, a_faire=a_faire, aujourd_hui=aujourd_hui,
                  peut_ouvrir=policy.peut(current_user, "integration.ouvrir"))
