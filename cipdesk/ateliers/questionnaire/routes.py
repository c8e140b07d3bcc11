"""The tablet questionnaire (issue #12, point 9). The animateur opens a short-lived link for
one questionnaire of one session (à chaud or à froid) and hands the tablet round; the link's
page shows that questionnaire and nothing else of the application: no menu, no name, no
other session. It is the module's only page without an account (web.securite's public list,
added below); the token is the capability."""
from __future__ import annotations

import uuid

from flask import Blueprint, current_app, g, render_template, request, url_for
from flask_login import current_user

from cipdesk.ateliers.evaluations.rules import Moment
from cipdesk.ateliers.questionnaire import queries, services
from cipdesk.ateliers.questionnaire.forms import LienForm, ReponseForm
from cipdesk.ateliers.questionnaire.models import LienQuestionnaire
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.core.dates import maintenant
from cipdesk.core.db import db, structure_courante
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import rediriger, soumettre
from cipdesk.web.rendu import rendre
from cipdesk.web.securite import ENDPOINTS_PUBLICS

bp = Blueprint("questionnaire", __name__, url_prefix="/questionnaire")
bp.record_once(lambda _etat: ENDPOINTS_PUBLICS.add("ateliers.questionnaire.repondre"))


def _secret() -> str:
    return current_app.config["SECRET_KEY"]


@bp.route("/session/<uuid:session_id>", methods=["GET", "POST"])
def liens(session_id: uuid.UUID):
    sess = charger(SessionAtelier, session_id, modifier=request.method == "POST")
    form = LienForm()
    resultat = soumettre(form, lambda: services.ouvrir_lien(
        db.session, sess, par=current_user, moment=Moment(form.moment.data), maintenant=maintenant()))
    if resultat:
        return rediriger(url_for("ateliers.questionnaire.liens", session_id=sess.id),
                         "Lien ouvert : ouvrez-le sur la tablette, puis passez-la aux participants.")
    instant = maintenant()
    ouverts = [(lien, services.erreur(lien, instant)) for lien in queries.liens_de_la_session(db.session, sess.id)]
    return rendre("ateliers/questionnaire/liens.html", session_atelier=sess, form=form, liens=ouverts,
                  adresse=lambda lien: url_for("ateliers.questionnaire.repondre",
                                               jeton=services.jeton(lien, _secret()), _external=True),
                  statut=resultat.statut)


@bp.post("/liens/<uuid:lien_id>/fermer")
def fermer(lien_id: uuid.UUID):
    lien = charger(LienQuestionnaire, lien_id, modifier=True)
    services.revoquer(db.session, lien, par=current_user, maintenant=maintenant())
    return rediriger(url_for("ateliers.questionnaire.liens", session_id=lien.session_id),
                     "Questionnaire fermé : le lien ne s'ouvre plus.")


@bp.route("/r/<jeton>", methods=["GET", "POST"])
def repondre(jeton: str):
    """Public: the participant's page. A forged token is « introuvable »; an expired, closed
    or full link says so (410) and shows nothing of the session."""
    lien = services.lien_du_jeton(db.session, jeton, _secret())
    if lien is None:
        return render_template("ateliers/questionnaire/repondre.html", ferme="Ce lien n'existe pas.",
                               form=None, lien=None, atelier=None), 404
    # The rest of the request sees only the link's structure, whoever is logged in on the tablet.
    g.setdefault("jeton_structure", structure_courante.set(lien.structure_id))
    instant = maintenant()
    ferme = services.erreur(lien, instant)
    if ferme:
        return render_template("ateliers/questionnaire/repondre.html", ferme=ferme, form=None, lien=lien,
                               atelier=None), 410
    form = ReponseForm()
    resultat = soumettre(form, lambda: services.repondre(
        db.session, lien, note=int(form.note.data), commentaire=form.commentaire.data or "", maintenant=instant))
    if resultat:
        return rediriger(url_for("ateliers.questionnaire.repondre", jeton=jeton),
                         "Merci, votre réponse est enregistrée. Vous pouvez passer la tablette à la personne suivante.")
    sess = lien.session
    return render_template("ateliers/questionnaire/repondre.html", ferme=None, form=form, lien=lien,
                           atelier=sess.atelier, session_atelier=sess), resultat.statut
