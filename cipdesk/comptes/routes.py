from __future__ import annotations

import time

from flask import Blueprint, current_app, flash, g, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user

from cipdesk.comptes import rules, services
from cipdesk.comptes.forms import ChangementMotDePasseForm, ConnexionForm
from cipdesk.db import db
from cipdesk.erreurs import ErreurMetier
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.throttle import Limites
from cipdesk.web.rendu import rendre

bp = Blueprint("comptes", __name__)


def _limites() -> Limites:
    c = current_app.config
    return Limites(par_compte=c["CIPDESK_THROTTLE_MAX_PER_ACCOUNT"],
                   par_adresse=c["CIPDESK_THROTTLE_MAX_PER_ADDRESS"],
                   fenetre_minutes=c["CIPDESK_THROTTLE_WINDOW_MINUTES"])


def _destination_sure(cible: str | None) -> str:
    """Only a relative path of this site: no open redirect after login (rules.destination_sure)."""
    return rules.destination_sure(cible) or url_for("web.accueil")


@bp.route("/connexion", methods=["GET", "POST"])
def connexion():
    if current_user.is_authenticated:
        return redirect(url_for("web.accueil"))
    form = ConnexionForm()
    statut = 200
    if form.validate_on_submit():
        try:
            utilisateur = services.authentifier(
                db.session, email=form.email.data, mot_de_passe=form.mot_de_passe.data,
                adresse_ip=request.remote_addr or "", limites=_limites())
        except ErreurMetier as exc:
            g.garder_en_erreur = True  # the failed attempt must be counted
            form.form_errors.append(exc.message)
            statut = 422
        else:
            session.clear()  # no session fixation; also renews the CSRF token
            login_user(utilisateur)
            session["debut"] = time.time()
            session.permanent = True
            return redirect(_destination_sure(request.args.get("suivant") or request.args.get("next")), 303)
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/connexion.html", form=form, statut=statut)


@bp.post("/deconnexion")
def deconnexion():
    journaliser(db.session, acteur=current_user, action=Action.DECONNEXION, objet_type="compte",
                objet_id=current_user.id)
    logout_user()
    session.clear()
    flash("Vous êtes déconnecté·e.", "info")
    reponse = redirect(url_for("comptes.connexion"), 303)
    reponse.headers["Clear-Site-Data"] = '"cache", "storage"'
    return reponse


@bp.route("/compte/mot-de-passe", methods=["GET", "POST"])
def mot_de_passe():
    form = ChangementMotDePasseForm()
    statut = 200
    if form.validate_on_submit():
        try:
            services.changer_mot_de_passe(db.session, utilisateur=current_user,
                                          actuel=form.actuel.data, nouveau=form.nouveau.data)
        except ErreurMetier as exc:
            getattr(form, exc.champ).errors.append(exc.message)
            statut = 422
        else:
            # Stay logged in here with the new epoch; other sessions are ended.
            login_user(current_user)
            flash("Votre mot de passe a été changé. Vos autres sessions ont été fermées.", "succes")
            return redirect(url_for("comptes.mon_compte"), 303)
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/mot_de_passe.html", form=form, statut=statut)


@bp.get("/compte")
def mon_compte():
    return rendre("comptes/compte.html")
