"""The bilan of a session: figures (attendance, objectives, satisfaction), écarts, ajustements."""
from __future__ import annotations

import uuid

from flask import Blueprint, request, url_for
from flask_login import current_user

from cipdesk.ateliers.bilan import queries, services
from cipdesk.ateliers.bilan.forms import BilanForm
from cipdesk.ateliers.evaluations.rules import Resultat
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.ateliers.sessions.queries import charger_session
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre, version_du
from cipdesk.web.rendu import rendre

bp = Blueprint("bilan", __name__, url_prefix="/bilan")


@bp.route("/<uuid:session_id>", methods=["GET", "POST"])
def bilan(session_id: uuid.UUID):
    sess = charger(SessionAtelier, session_id, modifier=request.method == "POST",
                   objet=charger_session(db.session, session_id))
    existant = queries.bilan_de(db.session, sess)
    form = BilanForm() if request.method == "POST" else BilanForm(formdata=None, obj=existant)
    if request.method == "GET" and existant is not None:
        form.version.data = str(existant.version)
    resultat = soumettre(form, lambda: services.enregistrer_bilan(
        db.session, sess, par=current_user, le=aujourdhui(), version=version_du(form) if existant else None,
        ecarts=form.ecarts.data, ajustements=form.ajustements.data))
    if resultat:
        return rediriger(url_for("ateliers.bilan.bilan", session_id=sess.id), "Bilan de l'atelier enregistré.")
    return rendre("ateliers/bilan/bilan.html", session_atelier=sess, atelier=sess.atelier, bilan=existant, form=form,

                  indicateurs=queries.indicateurs(db.session, sess), Resultat=Resultat,
                  peut_modifier=policy.peut(current_user, "ateliers.animer"), statut=resultat.statut)
