from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from tests.modules_factices.factice.models import Confidence

bp = Blueprint("factice", __name__, url_prefix="/factice")


@bp.get("/")
def index():
    policy.exiger(policy.peut(current_user, "factice.voir"))
    return "confidences"


@bp.post("/")
def ecrire():
    policy.exiger(policy.peut(current_user, "factice.ecrire"))
    c = Confidence(structure_id=current_user.structure_id, auteur_id=current_user.id, titre="Titre en clair",
                   recit="ZQXFACTICERECIT")
    db.session.add(c)
    db.session.flush()
    return str(c.id), 201


@bp.get("/<uuid:confidence_id>")
def voir(confidence_id):
    return charger(Confidence, confidence_id).recit
