"""Per-request security: headers, CSRF errors, login required, error pages.
Session timeouts are checked on the server by the user loader (cipdesk/__init__.py)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import Flask, render_template, request, session
from flask_login import current_user
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError
from itsdangerous import BadSignature
from sqlalchemy.orm.exc import StaleDataError

from cipdesk.security.audit import Provenance, provenance_courante
from cipdesk.security.policy import Interdit, Introuvable, est_chef, est_conseiller
from cipdesk.web import saisie

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

# Public allow-list: every other endpoint requires a logged-in user (SECURITY.md).
ENDPOINTS_PUBLICS = {"static", "comptes.connexion", "web.sante", "web.information"}


def _page_erreur(statut: int, titre: str, message: str):
    return render_template("errors/erreur.html", statut=statut, titre=titre, message=message), statut


class SessionSignee(SecureCookieSession):
    signee_le: datetime | None = None  # when the cookie it was read from was signed
    # Signed longer ago than the idle limit (+ RAFRAICHISSEMENT): names a draft's author, opens nothing.
    signature_tardive: bool = False

    def clear(self) -> None:
        super().clear()
        self.signature_tardive = False  # what is written from now on is new (a login, a message)


# What is read of a cookie whose signature is older than the idle limit: who it was (Flask-Login's
# user id and its "strong" protection mark), the server-side session's token (comptes.CLE_SESSION),
# the CSRF token (the form it carries is checked as any other).
CLES_D_UNE_SIGNATURE_TARDIVE = frozenset({"_user_id", "_id", "sid", "csrf_token"})


class CookieDeSession(SecureCookieSessionInterface):
    """The session cookie outlives the server-side idle limit by DELAI_DE_REPRISE: the
    server decides when a session ends (comptes), and a form posted just after that
    still names its user, so that what was typed is kept for them (a draft). Its
    signature is therefore accepted up to that age (plus RAFRAICHISSEMENT): a cookie is
    signed at the last activity, so when the server ends a session for inactivity the
    cookie's signature is already older than the idle limit.

    Such a cookie (signed longer ago than the idle limit plus RAFRAICHISSEMENT) is
    marked `signature_tardive`: only who it was, its server-side session token and its
    CSRF token are read; the user loader refuses it (comptes.routes.utilisateur_du_navigateur:
    it ends the session if idle past its limit, never gives access, never extends it), so
    that it only serves to know whose draft a form is; its content is never signed again
    (save_session forgets it). An old copy of a cookie whose session is still open opens
    nothing, as before.

    An unchanged session's cookie is signed and sent again at most once a minute
    (RAFRAICHISSEMENT), not on every response: its expiry then lags by a minute at most
    (against DELAI_DE_REPRISE's 30), and the age its signature may have is longer by as
    much, so that a cookie is never refused sooner than when it was re-signed every time.
    The signature is checked on every request; when a session ends stays the server's call."""

    session_class = SessionSignee

    def open_session(self, app, request):
        serialiseur = self.get_signing_serializer(app)
        if serialiseur is None:
            return None
        valeur = request.cookies.get(self.get_cookie_name(app))
        if not valeur:
            return self.session_class()
        age_max = int((app.permanent_session_lifetime + DELAI_DE_REPRISE + RAFRAICHISSEMENT).total_seconds())
        try:
            donnees, signee_le = serialiseur.loads(valeur, max_age=age_max, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        tardive = datetime.now(timezone.utc) - signee_le > app.permanent_session_lifetime + RAFRAICHISSEMENT
        if tardive:
            donnees = {cle: valeur for cle, valeur in donnees.items() if cle in CLES_D_UNE_SIGNATURE_TARDIVE}
        session = self.session_class(donnees)
        session.signee_le = signee_le
        session.signature_tardive = tardive
        return session

    def save_session(self, app, session, response):
        if getattr(session, "signature_tardive", False):
            session.clear()  # never signed again: the browser's old cookie is deleted
        return super().save_session(app, session, response)

    def should_set_cookie(self, app, session):
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        signee_le = getattr(session, "signee_le", None)
        return signee_le is None or datetime.now(timezone.utc) - signee_le >= RAFRAICHISSEMENT

    def get_expiration_time(self, app, session):
        if session.permanent:
            return datetime.now(timezone.utc) + app.permanent_session_lifetime + DELAI_DE_REPRISE
        return None


DELAI_DE_REPRISE = timedelta(minutes=30)
RAFRAICHISSEMENT = timedelta(minutes=1)


def installer(app: Flask) -> None:
    app.session_interface = CookieDeSession()
    saisie.installer(app)

    @app.before_request
    def _avant():
        provenance_courante.set(Provenance(
            adresse_ip=request.remote_addr or "",
            agent=(request.user_agent.string or "")[:300],
        ))
        if saisie.corps_refuse():
            return _page_erreur(415, "Format non pris en charge",
                                "Cette adresse reçoit un formulaire de la page, pas un autre format de données.")
        # NUL characters are removed and the forms refuse them beside the field (422, text kept).
        saisie.nettoyer_la_requete()
        if request.endpoint in ENDPOINTS_PUBLICS:
            return None
        if not current_user.is_authenticated:
            # Also when the session ended on the server (logout elsewhere, idle or absolute
            # timeout, "Mes sessions", revocation): the unauthorized handler (comptes)
            # keeps what a POST carried, then forgets the cookie's content.
            return app.login_manager.unauthorized()
        if not session.permanent:  # setting it marks the session changed: its cookie would be signed again
            session.permanent = True
        return None

    @app.after_request
    def _entetes(reponse):
        # A route may set a stricter policy of its own (an attached document shown inline).
        reponse.headers.setdefault("Content-Security-Policy", CSP)
        reponse.headers["X-Content-Type-Options"] = "nosniff"
        reponse.headers["Referrer-Policy"] = "same-origin"
        reponse.headers["X-Frame-Options"] = "DENY"
        reponse.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if app.config.get("CIPDESK_HSTS"):
            reponse.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if request.endpoint != "static":
            # Pages hold personal data: never kept by the browser or a proxy.
            reponse.headers["Cache-Control"] = "no-store"
        return reponse

    @app.errorhandler(Introuvable)
    @app.errorhandler(404)
    def _introuvable(_exc):
        return _page_erreur(404, "Page introuvable",
                            "Cette page n'existe pas, ou vous n'y avez pas accès.")

    @app.errorhandler(Interdit)
    @app.errorhandler(403)
    def _interdit(_exc):
        if "personne_id" in (request.view_args or {}) and current_user.is_authenticated \
                and (est_conseiller(current_user) or est_chef(current_user)):
            # the role is not the reason: this person's file is not open to this account
            return _page_erreur(403, "Accès refusé",
                                "Le dossier de cette personne ne vous est pas ouvert : elle est suivie par "
                                "un·e autre conseiller·ère ou une autre équipe. Si vous devez intervenir, "
                                "adressez-vous à son ou sa référent·e ou à votre chef·fe de service.")
        return _page_erreur(403, "Accès refusé",
                            "Votre rôle ne permet pas cette action. Si vous pensez que c'est une "
                            "erreur, adressez-vous à votre administrateur.")

    @app.errorhandler(CSRFError)
    def _csrf(_exc):
        # Not a bare page: what the form carried is shown back to copy (issue #10, point 10).
        # Never put back into a form by itself: the request's origin was not proven.
        champs = saisie.champs_a_garder(request.form.items(multi=True)) if request.method == "POST" else {}
        return render_template(
            "errors/erreur.html", statut=400, titre="Formulaire expiré",
            message="Le jeton de sécurité du formulaire est absent ou a expiré : rien n'a été enregistré. "
                    "Rechargez la page puis recommencez." + (
                        " Ce que vous aviez saisi est recopié ci-dessous pour que vous puissiez le reprendre."
                        if champs else ""),
            saisie=[(nom, "\n".join(valeurs)) for nom, valeurs in champs.items()]), 400

    @app.errorhandler(405)
    def _methode(_exc):
        return _page_erreur(405, "Méthode non autorisée", "Cette adresse ne s'utilise pas ainsi.")

    @app.errorhandler(413)
    def _trop_gros(_exc):
        return _page_erreur(413, "Fichier trop volumineux",
                            "Le fichier dépasse 10 Mo : il n'a pas été reçu, rien n'a été enregistré. "
                            "Découpez-le en plusieurs fichiers, puis déposez-les un à un.")

    @app.errorhandler(StaleDataError)
    def _conflit(_exc):
        from cipdesk.core.db import db

        db.session.rollback()  # the failed flush left the session unusable
        return _page_erreur(409, "Modification concurrente",
                            "Un·e collègue a enregistré cette fiche pendant que vous la modifiiez. "
                            "Rechargez la page pour voir la dernière version.")

    @app.errorhandler(500)
    def _erreur(_exc):
        from cipdesk.core.db import db

        db.session.rollback()
        return _page_erreur(500, "Erreur du serveur",
                            "Une erreur inattendue s'est produite. Rien n'a été enregistré ; "
                            "réessayez, et prévenez votre administrateur si elle se répète.")


def installer_transaction(app: Flask) -> None:
    """One commit per request, in one place. Services only flush; a response
    of 400 and above rolls everything back (nothing partially saved), except
    where the view asked to keep what it recorded (a failed login attempt)."""
    from flask import g

    from cipdesk.core.db import db, lectures_hors_transaction

    def _lectures_hors_transaction():
        # first of the request's hooks (the user loader runs in the next ones): see core.db
        g.jeton_lectures = lectures_hors_transaction.set(True)

    app.before_request_funcs.setdefault(None, []).insert(0, _lectures_hors_transaction)

    @app.teardown_request
    def _fin(_exc):
        jeton = g.pop("jeton_lectures", None)
        if jeton is not None:
            lectures_hors_transaction.reset(jeton)

    @app.after_request
    def _valider(reponse):
        if reponse.status_code < 400 or g.get("garder_en_erreur"):
            db.session.commit()
        else:
            db.session.rollback()
        return reponse
