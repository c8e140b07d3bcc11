"""Login, logout, password, "Mes sessions"."""
from __future__ import annotations

import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, make_response, redirect, request, session, url_for
from flask_login import current_user, login_url, login_user, logout_user
from werkzeug.datastructures import ImmutableMultiDict
from itsdangerous import BadData, URLSafeTimedSerializer

from cipdesk.comptes import queries, rules, services
from cipdesk.comptes.forms import ChangementMotDePasseForm, ConnexionForm
from cipdesk.comptes.rules import FinSession, en_utc
from cipdesk.core.db import db, utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security.throttle import Limites
from cipdesk.web import saisie
from cipdesk.web.rendu import rendre

# The key of the Flask session holding the server-side session's token (see the user loader).
CLE_SESSION = "sid"
# The key naming the draft to give back after a new login (issue #10, point 10).
CLE_BROUILLON = "brouillon"
MESSAGE_BROUILLON_GARDE = ("Votre session a expiré. Ce que vous aviez saisi est gardé (chiffré, 30 minutes) : "
                           "reconnectez-vous pour retrouver le formulaire rempli.")
MESSAGE_BROUILLON_RENDU = ("Ce que vous aviez saisi avant l'expiration de la session a été remis dans le "
                           "formulaire : vérifiez-le, puis enregistrez.")

bp = Blueprint("comptes", __name__)


def _limites() -> Limites:
    """CIPDESK_THROTTLE_MAX_PER_ACCOUNT: free failures of one account from one address
    (or one known browser); the other settings keep the defaults of security/throttle.py
    unless the configuration names them."""
    c = current_app.config
    return Limites(par_compte=c["CIPDESK_THROTTLE_MAX_PER_ACCOUNT"],
                   par_adresse=c["CIPDESK_THROTTLE_MAX_PER_ADDRESS"],
                   fenetre_minutes=c["CIPDESK_THROTTLE_WINDOW_MINUTES"],
                   par_compte_toutes_adresses=c.get("CIPDESK_THROTTLE_MAX_PER_ACCOUNT_ALL_ADDRESSES", 50))


def _destination_sure(cible: str | None) -> str:
    """Only a relative path of this site: no open redirect after login (rules.destination_sure)."""
    return rules.destination_sure(cible) or url_for("personnes.accueil")


def delais_de_session() -> tuple[timedelta, timedelta]:
    """(idle limit, absolute limit) of a session, from the configuration."""
    return (current_app.permanent_session_lifetime,
            timedelta(hours=current_app.config["CIPDESK_ABSOLUTE_SESSION_HOURS"]))


def session_du_navigateur(utilisateur):
    """The user loader's check (cipdesk/__init__.py): the session this browser's
    cookie names must be open on the server; remembered for this request."""
    inactivite, duree_max = delais_de_session()
    ligne = services.session_en_cours(db.session, utilisateur=utilisateur, jeton=session.get(CLE_SESSION),
                                      maintenant=utcnow(), inactivite=inactivite, duree_max=duree_max)
    g.session_connexion = ligne
    return ligne


# -- device cookie (OWASP "device cookies"): this browser already logged in to these accounts --
COOKIE_APPAREIL = "cipdesk_appareil"
DUREE_APPAREIL = timedelta(days=180)
APPAREILS_MAX = 8  # accounts remembered by one browser (a shared office computer)


def _serialiseur() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="cipdesk-appareil")


def _appareils_connus() -> dict[str, str]:
    """{user id: device id} from the signed cookie; anything forged or expired is ignored."""
    valeur = request.cookies.get(COOKIE_APPAREIL)
    if not valeur:
        return {}
    try:
        donnees = _serialiseur().loads(valeur, max_age=int(DUREE_APPAREIL.total_seconds()))
    except BadData:
        return {}
    if not isinstance(donnees, dict):
        return {}
    return {k: v for k, v in donnees.items() if isinstance(k, str) and isinstance(v, str) and len(v) <= 32}


def _retenir_appareil(reponse, appareils: dict[str, str], utilisateur) -> None:
    cle = str(utilisateur.id)
    appareil = appareils.pop(cle, None) or secrets.token_urlsafe(16)
    appareils[cle] = appareil  # the latest account last; the oldest ones are forgotten
    garde = dict(list(appareils.items())[-APPAREILS_MAX:])
    reponse.set_cookie(COOKIE_APPAREIL, _serialiseur().dumps(garde), max_age=DUREE_APPAREIL,
                       path=url_for("comptes.connexion"), secure=current_app.config["SESSION_COOKIE_SECURE"],
                       httponly=True, samesite="Strict")


@bp.route("/connexion", methods=["GET", "POST"])
def connexion():
    if current_user.is_authenticated:
        return redirect(url_for("personnes.accueil"))
    form = ConnexionForm()
    statut = 200
    if form.validate_on_submit():
        appareils = _appareils_connus()
        maintenant = utcnow()
        try:
            utilisateur = services.authentifier(
                db.session, email=form.email.data, mot_de_passe=form.mot_de_passe.data,
                adresse_ip=request.remote_addr or "", limites=_limites(), maintenant=maintenant,
                appareils=appareils)
        except ErreurMetier as exc:
            g.garder_en_erreur = True  # the failed attempt must be counted
            form.form_errors.append(exc.message)
            statut = 422
        else:
            jeton = services.ouvrir_session(db.session, utilisateur=utilisateur, agent=request.user_agent.string,
                                            adresse_ip=request.remote_addr or "", maintenant=maintenant)
            brouillon = services.brouillon_a_reprendre(db.session, utilisateur=utilisateur, maintenant=maintenant)
            session.clear()  # no session fixation; also renews the CSRF token
            login_user(utilisateur)
            session[CLE_SESSION] = jeton
            session.permanent = True
            if brouillon is not None:  # back to the form typed before the session ended
                session[CLE_BROUILLON] = str(brouillon.id)
                cible = brouillon.page
            else:
                cible = _destination_sure(request.args.get("suivant") or request.args.get("next"))
            reponse = redirect(cible, 303)
            _retenir_appareil(reponse, appareils, utilisateur)
            return reponse
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/connexion.html", form=form, statut=statut)


def _session_courante():
    """The server-side row of this browser's session (set by the user loader)."""
    return g.get("session_connexion")


@bp.post("/deconnexion")
def deconnexion():
    services.fermer_session(db.session, ligne=_session_courante(), motif=FinSession.DECONNEXION,
                            maintenant=utcnow())
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
            services.changer_mot_de_passe(db.session, utilisateur=current_user, actuel=form.actuel.data,
                                          nouveau=form.nouveau.data, courante=_session_courante())
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


@bp.post("/compte/preferences")
def preferences():
    """Issue #11, point 10: the REAC quotations of the forms folded or unfolded, for oneself."""
    services.changer_preferences(db.session, utilisateur=current_user,
                                 citations_depliees=request.form.get("citations_depliees") == "oui")
    flash("Préférence enregistrée.", "succes")
    return redirect(url_for("comptes.mon_compte"), 303)


# -- Mes sessions (issue #10, point 2) -------------------------------------------------
@bp.get("/compte/sessions")
def sessions():
    inactivite, duree_max = delais_de_session()
    maintenant = utcnow()
    lignes = db.session.scalars(queries.sessions_ouvertes(
        current_user, vu_apres=maintenant - inactivite - rules.INTERVALLE_PASSAGE,
        debut_apres=maintenant - duree_max)).all()
    courante = _session_courante()
    return rendre("comptes/sessions.html", sessions=lignes, courante_id=courante.id if courante else None,
                  inactivite_minutes=int(inactivite.total_seconds() // 60),
                  duree_max_heures=int(duree_max.total_seconds() // 3600))


@bp.post("/compte/sessions/<uuid:session_id>/fin")
def terminer_session(session_id):
    try:
        services.terminer_session(db.session, utilisateur=current_user, session_id=session_id,
                                  courante=_session_courante(), maintenant=utcnow())
    except ErreurMetier as exc:
        flash(exc.message, "erreur")
    else:
        flash("La session a été terminée : ce navigateur devra se reconnecter.", "succes")
    return redirect(url_for("comptes.sessions"), 303)


@bp.post("/compte/sessions/autres/fin")
def terminer_autres_sessions():
    nombre = services.terminer_autres_sessions(db.session, utilisateur=current_user,
                                               courante=_session_courante(), maintenant=utcnow())
    flash("Aucune autre session n'était ouverte." if nombre == 0 else
          f"{nombre} autre{'s' if nombre > 1 else ''} session{'s' if nombre > 1 else ''} "
          f"terminée{'s' if nombre > 1 else ''}.", "succes")
    return redirect(url_for("comptes.sessions"), 303)


# -- never lose what was typed (issue #10, point 10) -------------------------------------
@bp.post("/compte/session/maintien")
def maintien_session():
    """Keep-alive sent by static/js/session.js while the person types (at most once a
    minute) or clicks « Rester connecté·e »: like any request, it extends the idle
    limit on the server (the user loader notes it); answers the seconds left."""
    inactivite, _ = delais_de_session()
    ligne = _session_courante()
    reste = inactivite - (utcnow() - en_utc(ligne.vu_le)) if ligne is not None else inactivite
    reponse = make_response("", 204)
    reponse.headers["X-Session-Restante"] = str(max(0, int(reste.total_seconds())))
    return reponse


def _page_du_formulaire() -> str:
    """The page the form was on: the same-origin Referer's path, else the address posted to."""
    referent = urlsplit(request.referrer or "")
    if referent.netloc == request.host and rules.destination_sure(referent.path):
        return referent.path
    return request.path


def _garder_la_saisie() -> str | None:
    """A POST whose session ended on the server: keep its fields for the user the
    ended session belonged to. Returns the page to come back to, or None."""
    if request.endpoint in rules.ENDPOINTS_SANS_BROUILLON or not request.form:
        return None
    ligne = services.session_par_jeton(db.session, session.get(CLE_SESSION))
    identifiant = str(session.get("_user_id", "")).split(":")[0]
    maintenant = utcnow()
    if ligne is None or str(ligne.utilisateur_id) != identifiant \
            or not rules.brouillon_permis(motif_fin=ligne.motif_fin, fin=ligne.fin, maintenant=maintenant):
        return None
    champs = saisie.champs_a_garder(request.form.items(multi=True))
    if not champs:
        return None
    page = _page_du_formulaire()
    services.garder_brouillon(db.session, utilisateur=ligne.utilisateur, page=page, champs=champs,
                              maintenant=maintenant)
    return page


def non_connecte():
    """Flask-Login's unauthorized handler: to the login page. When the session had
    ended on the server, a POST keeps what it carried (encrypted, for that user)."""
    page = None
    if "_user_id" in session:
        if request.method == "POST":
            page = _garder_la_saisie()
        session.clear()  # the session ended on the server: forget the cookie's content
    manager = current_app.login_manager
    if page:
        flash(MESSAGE_BROUILLON_GARDE, "info")
        url = login_url(manager.login_view, next_url=page)
    else:
        flash(manager.login_message, manager.login_message_category)
        url = login_url(manager.login_view, next_url=request.url)
    if request.headers.get("HX-Request") == "true":
        g.garder_en_erreur = True  # the draft is committed despite the 401
        reponse = make_response("", 401)
        reponse.headers["HX-Redirect"] = url
        return reponse
    return redirect(url)


@bp.before_app_request
def _rendre_le_brouillon():
    """First GET of the draft's page after the new login: its forms come back filled
    (web.saisie reads g.saisie_restituee), then the draft is deleted."""
    identifiant = session.get(CLE_BROUILLON)
    if not identifiant or request.method != "GET" or request.endpoint == "static" \
            or not current_user.is_authenticated:
        return None
    champs, en_attente = services.reprendre_brouillon(db.session, utilisateur=current_user,
                                                      brouillon_id=identifiant, page=request.path,
                                                      maintenant=utcnow())
    if not en_attente:
        session.pop(CLE_BROUILLON, None)
    if champs:
        g.saisie_restituee = ImmutableMultiDict([(cle, v) for cle, valeurs in champs.items() for v in valeurs])
        flash(MESSAGE_BROUILLON_RENDU, "info")
    return None
