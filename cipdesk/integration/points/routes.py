"""Recording a scheduled follow-up (from the follow-up's page)."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.integration.points import services
from cipdesk.integration.points.forms import PointForm
from cipdesk.integration.points.models import PointSuivi
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("points", __name__, url_prefix="/points")


@bp.post("/<uuid:point_id>")
def enregistrer(point_id):
    point = charger(PointSuivi, point_id, modifier=True)
    form = PointForm()
    soumission = soumettre(form, lambda: services.enregistrer_point(db.session, point, par=current_user,
                                                                     donnees=form.donnees(), aujourd_hui=aujourdhui()))
    if soumission:
        message = "Point de suivi enregistré."
        if point.risque_rupture:
            message += " Risque de rupture signalé : une alerte est levée."
        return rediriger(url_for("integration.suivis.voir", suivi_id=point.suivi_id) + f"#point-{point.id}", message)
    return rendre("integration/points/form.html", point=point, form=form, statut=soumission.statut)
