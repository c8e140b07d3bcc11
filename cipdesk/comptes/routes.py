"""Login, logout, password, "Mes sessions"."""
from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, make_response, redirect, request, session, url_for
from flask_login import current_user, login_url, login_user, logout_user
from werkzeug.datastructures import ImmutableMultiDict
from itsdangerous import BadData, URLSafeTimedSerializer

from markupsafe import Markup

from cipdesk.comptes import queries, rules, second_facteur, services
from cipdesk.comptes.forms import (ActivationSecondFacteurForm, ChangementMotDePasseForm, CodeSecondFacteurForm,
                                   CommencerActivationForm, ConnexionForm, MotDePasseOublieForm,
                                   ReinitialisationForm)
from cipdesk.comptes.models import Utilisateur
from cipdesk.comptes.rules import FinSession, en_utc
from cipdesk.core.db import db, utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.throttle import Limites
from cipdesk.web import saisie
from cipdesk.web.securite import ENDPOINTS_PUBLICS
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
# « Mot de passe oublié » is used without a session (issue #18, point 5).
bp.record_once(lambda _etat: ENDPOINTS_PUBLICS.update({"comptes.mot_de_passe_oublie", "comptes.reinitialiser"}))


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


def utilisateur_du_navigateur(utilisateur_id: uuid.UUID, epoch: str):
    """The user loader (cipdesk/__init__.py): the account named by the login id, active and at
    that epoch, whose session this browser's cookie names is open on the server — one
    statement (services.utilisateur_de_la_session); the session row is remembered for this request.
    A cookie signed longer ago than the idle limit (web.securite) is refused here, after its
    session, idle past its limit, was ended: `non_connecte` then keeps what a POST carried."""
    inactivite, duree_max = delais_de_session()
    trouve = services.utilisateur_de_la_session(
        db.session, utilisateur_id=utilisateur_id, epoch=epoch, jeton=session.get(CLE_SESSION),
        maintenant=utcnow(), inactivite=inactivite, duree_max=duree_max,
        signature_tardive=getattr(session, "signature_tardive", False))
    if trouve is None:
        return None
    utilisateur, g.session_connexion = trouve
    return utilisateur


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
            suivant = request.args.get("suivant") or request.args.get("next")
            etape = _etape_second_facteur(utilisateur, maintenant)
            if etape is not None:  # the password was right; the second factor is still to come
                session.clear()
                session[CLE_ATTENTE] = {"uid": str(utilisateur.id), "epoch": utilisateur.session_epoch,
                                        "le": maintenant.isoformat(), "suivant": suivant or ""}
                return redirect(url_for(etape), 303)
            return _ouvrir_la_session(utilisateur, appareils, maintenant, suivant)
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/connexion.html", form=form, statut=statut)


def _ouvrir_la_session(utilisateur, appareils: dict[str, str], maintenant, suivant: str | None, *, reponse=None):
    """Every factor given: the session opens on the server, then in this browser."""
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
        cible = _destination_sure(suivant)
    reponse = reponse if reponse is not None else redirect(cible, 303)
    _retenir_appareil(reponse, appareils, utilisateur)
    return reponse


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


# -- « mot de passe oublié » (issue #18, point 5) -------------------------------------------
MESSAGE_DEMANDE_RECUE = ("Si un compte actif correspond à cette adresse, un e-mail vient d'y être envoyé avec un "
                         "lien valable 30 minutes. Pensez à regarder dans les courriers indésirables. Sans e-mail, "
                         "adressez-vous à l'administrateur·rice de votre structure.")


def _url_publique() -> str | None:
    """The site's address for links sent by e-mail: CIPDESK_URL_PUBLIQUE, never the Host
    header a client chose (which would send the reset link to another site). In development
    the request's own address is accepted."""
    import os

    base = current_app.config.get("CIPDESK_URL_PUBLIQUE") or os.environ.get("CIPDESK_URL_PUBLIQUE")
    if base:
        return base.rstrip("/")
    return None if current_app.config.get("CIPDESK_ENV") == "production" else request.url_root.rstrip("/")


@bp.route("/mot-de-passe-oublie", methods=["GET", "POST"])
def mot_de_passe_oublie():
    form = MotDePasseOublieForm()
    statut, message = 200, None
    if form.validate_on_submit():
        base = _url_publique()
        if base is None:
            current_app.logger.error("CIPDESK_URL_PUBLIQUE n'est pas défini : aucun lien de réinitialisation envoyé.")
            return rendre("comptes/mot_de_passe_oublie.html", form=form, statut=503,
                          message="L'envoi des liens de réinitialisation n'est pas configuré sur ce serveur : "
                                  "adressez-vous à l'administrateur·rice de votre structure.")
        reste = services.demander_reinitialisation(
            db.session, email=form.email.data, adresse_ip=request.remote_addr or "", maintenant=utcnow(),
            lien=lambda jeton: base + url_for("comptes.reinitialiser", jeton=jeton))
        if reste.total_seconds() > 0:
            g.garder_en_erreur = True
            minutes = max(1, int(reste.total_seconds() + 59) // 60)
            form.form_errors.append(f"Trop de demandes depuis ce poste ou pour cette adresse. Réessayez dans "
                                    f"{minutes} minute{'s' if minutes > 1 else ''}.")
            statut = 429
        else:
            message = MESSAGE_DEMANDE_RECUE
            form = MotDePasseOublieForm(formdata=None)
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/mot_de_passe_oublie.html", form=form, statut=statut, message=message)


@bp.route("/mot-de-passe-oublie/<jeton>", methods=["GET", "POST"])
def reinitialiser(jeton: str):
    form = ReinitialisationForm()
    maintenant = utcnow()
    if services.jeton_valide(db.session, jeton, maintenant) is None:
        return rendre("comptes/reinitialiser.html", form=None, invalide=services.MESSAGE_LIEN_INVALIDE, statut=404)
    statut = 200
    if form.validate_on_submit():
        try:
            services.reinitialiser_mot_de_passe(db.session, jeton=jeton, nouveau=form.nouveau.data,
                                                maintenant=maintenant)
        except ErreurMetier as exc:
            (getattr(form, exc.champ).errors.append(exc.message) if exc.champ else form.form_errors.append(exc.message))
            statut = 422
        else:
            if current_user.is_authenticated:
                logout_user()
            session.clear()
            flash("Votre mot de passe a été changé et toutes vos sessions ont été fermées. Connectez-vous avec le "
                  "nouveau mot de passe.", "succes")
            return redirect(url_for("comptes.connexion"), 303)
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/reinitialiser.html", form=form, invalide=None, statut=statut)
# -- second factor (issue #18, point 12) ------------------------------------------------
# The Flask session between the password and the second factor: who, with which epoch,
# since when (rules.DUREE_ATTENTE_SECOND_FACTEUR), and where to go next. Nobody is logged
# in meanwhile: every other page still answers « connectez-vous ».
CLE_ATTENTE = "second_facteur_attente"
COOKIE_CONFIANCE = "cipdesk_confiance"
bp.record_once(lambda _etat: ENDPOINTS_PUBLICS.update({"comptes.code_second_facteur",
                                                       "comptes.activation_a_la_connexion"}))


def _etape_second_facteur(utilisateur, maintenant) -> str | None:
    """The endpoint of the step still due after the password, or None (log in now)."""
    if second_facteur.est_enrole(db.session, utilisateur):
        jeton = _navigateurs_de_confiance().get(str(utilisateur.id))
        if second_facteur.navigateur_reconnu(db.session, utilisateur=utilisateur, jeton=jeton, maintenant=maintenant):
            return None
        return "comptes.code_second_facteur"
    if second_facteur.est_exige(utilisateur):
        return "comptes.activation_a_la_connexion"
    return None


def _en_attente():
    """The user whose password was checked and whose second factor is awaited, or None."""
    attente_ = session.get(CLE_ATTENTE)
    if not isinstance(attente_, dict):
        return None
    try:
        depuis = datetime.fromisoformat(attente_["le"])
        utilisateur = db.session.get(Utilisateur, uuid.UUID(attente_["uid"]))
    except (KeyError, ValueError, TypeError):
        return None
    if utilisateur is None or not utilisateur.actif or utilisateur.session_epoch != attente_.get("epoch") \
            or utcnow() - depuis > rules.DUREE_ATTENTE_SECOND_FACTEUR:
        return None
    return utilisateur


def _attente_expiree():
    session.pop(CLE_ATTENTE, None)
    flash("Le délai pour saisir le code est dépassé : reconnectez-vous avec votre mot de passe.", "info")
    return redirect(url_for("comptes.connexion"), 303)


def _serialiseur_confiance() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="cipdesk-second-facteur")


def _navigateurs_de_confiance() -> dict[str, str]:
    """{user id: token} from the signed cookie; forged or expired values are ignored (the
    server checks each token too: revocation)."""
    valeur = request.cookies.get(COOKIE_CONFIANCE)
    if not valeur:
        return {}
    try:
        donnees = _serialiseur_confiance().loads(
            valeur, max_age=int(rules.DUREE_NAVIGATEUR_DE_CONFIANCE.total_seconds()))
    except BadData:
        return {}
    if not isinstance(donnees, dict):
        return {}
    return {k: v for k, v in donnees.items() if isinstance(k, str) and isinstance(v, str) and len(v) <= 64}


def _retenir_navigateur(reponse, utilisateur, jeton: str) -> None:
    confiance = _navigateurs_de_confiance()
    confiance.pop(str(utilisateur.id), None)
    confiance[str(utilisateur.id)] = jeton
    garde = dict(list(confiance.items())[-APPAREILS_MAX:])
    reponse.set_cookie(COOKIE_CONFIANCE, _serialiseur_confiance().dumps(garde),
                       max_age=rules.DUREE_NAVIGATEUR_DE_CONFIANCE, path=url_for("comptes.connexion"),
                       secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Strict")


@bp.route("/connexion/second-facteur", methods=["GET", "POST"])
def code_second_facteur():
    """The code after the password: a TOTP, or a single-use recovery code."""
    utilisateur = _en_attente()
    if utilisateur is None:
        return _attente_expiree()
    form = CodeSecondFacteurForm()
    statut = 200
    if form.validate_on_submit():
        maintenant = utcnow()
        try:
            moyen = second_facteur.verifier(db.session, utilisateur=utilisateur, code=form.code.data,
                                            adresse_ip=request.remote_addr or "", limites=_limites(),
                                            maintenant=maintenant)
        except ErreurMetier as exc:
            g.garder_en_erreur = True  # the failure is counted by the throttling
            form.code.errors.append(exc.message)
            statut = 422
        else:
            suivant = session.get(CLE_ATTENTE, {}).get("suivant")
            reponse = _ouvrir_la_session(utilisateur, _appareils_connus(), maintenant, suivant)
            if form.se_souvenir.data:
                jeton = second_facteur.memoriser_navigateur(db.session, utilisateur=utilisateur,
                                                            agent=request.user_agent.string, maintenant=maintenant)
                _retenir_navigateur(reponse, utilisateur, jeton)
            if moyen == "code_de_secours":
                restants = second_facteur.codes_restants(db.session, utilisateur)
                flash(f"Vous vous êtes connecté·e avec un code de secours : il ne servira plus. Il vous en reste "
                      f"{restants}. Si vous avez perdu votre téléphone, générez de nouveaux codes ou changez "
                      "d'application dans « Mon compte ».", "info")
            return reponse
    elif request.method == "POST":
        statut = 422
    return rendre("comptes/second_facteur_code.html", form=form, statut=statut)


def _page_activation(utilisateur, form, statut: int, *, a_la_connexion: bool):
    secret = second_facteur.secret_a_enroler(db.session, utilisateur)
    qr = ""
    if secret:
        uri = second_facteur.uri_d_enrolement(utilisateur, secret)
        qr = Markup(second_facteur.qr_svg(uri, "QR code à scanner avec votre application d'authentification"))
    return rendre("comptes/second_facteur_activation.html", form=form, statut=statut, qr=qr,
                  commencer=CommencerActivationForm(), secret=rules.secret_lisible(secret),
                  a_la_connexion=a_la_connexion, exige=second_facteur.est_exige(utilisateur),
                  deja=second_facteur.est_enrole(db.session, utilisateur))


def _activer(utilisateur, *, a_la_connexion: bool):
    """GET shows the key waiting for its first code (or the button to make one); POST
    « commencer » makes a new key; POST with a code confirms it."""
    if request.method == "POST" and "commencer" in request.form:
        if CommencerActivationForm().validate_on_submit():
            second_facteur.commencer_enrolement(db.session, utilisateur=utilisateur)
        return redirect(request.path, 303)
    form = ActivationSecondFacteurForm()
    statut = 200
    if form.validate_on_submit():
        maintenant = utcnow()
        try:
            codes = second_facteur.confirmer_enrolement(db.session, utilisateur=utilisateur, code=form.code.data,
                                                        maintenant=maintenant)
        except ErreurMetier as exc:
            form.code.errors.append(exc.message)
            statut = 422
        else:
            page = rendre("comptes/second_facteur_codes.html", codes=codes, a_la_connexion=a_la_connexion)
            if a_la_connexion:
                suivant = session.get(CLE_ATTENTE, {}).get("suivant")
                reponse = _ouvrir_la_session(utilisateur, _appareils_connus(), maintenant, suivant,
                                             reponse=make_response(page))
                return reponse
            return page
    elif request.method == "POST":
        statut = 422
    return _page_activation(utilisateur, form, statut, a_la_connexion=a_la_connexion)


@bp.route("/connexion/second-facteur/activation", methods=["GET", "POST"])
def activation_a_la_connexion():
    """The structure requires a second factor for this role and none is set up yet: set it
    up now, before the first page (the password alone never opens the session)."""
    utilisateur = _en_attente()
    if utilisateur is None:
        return _attente_expiree()
    return _activer(utilisateur, a_la_connexion=True)


@bp.get("/compte/second-facteur")
def second_facteur_page():
    maintenant = utcnow()
    return rendre("comptes/second_facteur.html", enrole=second_facteur.est_enrole(db.session, current_user),
                  exige=second_facteur.est_exige(current_user),
                  restants=second_facteur.codes_restants(db.session, current_user),
                  navigateurs=second_facteur.navigateurs(db.session, current_user, maintenant),
                  exigence=rules.EXIGENCES_SECOND_FACTEUR.get(current_user.structure.second_facteur, ""))


@bp.route("/compte/second-facteur/activation", methods=["GET", "POST"])
def activer_second_facteur():
    return _activer(current_user, a_la_connexion=False)


@bp.post("/compte/second-facteur/codes")
def regenerer_codes_de_secours():
    if not second_facteur.est_enrole(db.session, current_user):
        flash("Activez d'abord le second facteur.", "erreur")
        return redirect(url_for("comptes.second_facteur_page"), 303)
    codes = second_facteur.regenerer_codes(db.session, utilisateur=current_user, maintenant=utcnow())
    return rendre("comptes/second_facteur_codes.html", codes=codes, a_la_connexion=False)


@bp.post("/compte/second-facteur/retrait")
def retirer_second_facteur():
    try:
        second_facteur.desactiver(db.session, utilisateur=current_user, par=current_user, maintenant=utcnow())
    except ErreurMetier as exc:
        flash(exc.message, "erreur")
    else:
        flash("Le second facteur est retiré : votre mot de passe seul ouvre désormais votre compte.", "succes")
    return redirect(url_for("comptes.second_facteur_page"), 303)


@bp.post("/compte/second-facteur/navigateurs/<uuid:navigateur_id>/oubli")
def oublier_navigateur(navigateur_id):
    n = second_facteur.oublier_navigateurs(db.session, utilisateur=current_user, maintenant=utcnow(),
                                           navigateur_id=navigateur_id)
    if n == 0:
        raise policy.Introuvable()
    flash("Ce navigateur demandera de nouveau le code à la prochaine connexion.", "succes")
    return redirect(url_for("comptes.second_facteur_page"), 303)


@bp.post("/compte/second-facteur/navigateurs/oubli")
def oublier_navigateurs():
    n = second_facteur.oublier_navigateurs(db.session, utilisateur=current_user, maintenant=utcnow())
    flash("Aucun navigateur n'était mémorisé." if n == 0 else
          "Tous vos navigateurs demanderont de nouveau le code à la prochaine connexion.", "succes")
    return redirect(url_for("comptes.second_facteur_page"), 303)
