"""The structure's measures and contracts: the list its admin edits, conseillers and chefs
read (issue #13 point 5). Mobilising one on an offer or a candidature: employeurs/pages.py."""
from __future__ import annotations

from flask import Blueprint, url_for
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.mesures import queries, services
from cipdesk.employeurs.mesures.forms import MesureForm
from cipdesk.security import policy
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre

bp = Blueprint("mesures", __name__, url_prefix="/mesures")


@bp.route("/", methods=["GET", "POST"])
def liste():
    admin = policy.peut_administrer(current_user)
    policy.exiger(admin or policy.peut(current_user, "employeurs.voir"))
    form = MesureForm()
    if form.is_submitted():
        policy.exiger(admin)
    soumission = soumettre(form, lambda: services.enregistrer_mesure(
        db.session, current_user.structure_id, par=current_user, code=form.code.data or "", donnees=form.donnees(),
        aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("employeurs.mesures.liste"), "Mesure enregistrée.")
    return rendre("employeurs/mesures/liste.html", mesures=queries.mesures_de(db.session, current_user.structure_id),
                  form=form, peut_modifier=admin, statut=soumission.statut)
