"""cipdesk: the caseload tool of conseillers en insertion professionnelle."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf import CSRFProtect

from cipdesk.core.config import load_config
from cipdesk.core.db import db

ROOT = Path(__file__).resolve().parent.parent
csrf = CSRFProtect()
migrate = Migrate()
login_manager = LoginManager()


def create_app(test_config: dict | None = None) -> Flask:
    from cipdesk.web.application import Application

    instance_path = os.environ.get("CIPDESK_INSTANCE_PATH", str(ROOT / "instance"))
    app = Application(__name__, template_folder=str(ROOT / "templates"),
                static_folder=str(ROOT / "static"), instance_path=instance_path)
    app.config.update(load_config(app.instance_path))
    if test_config:
        app.config.update(test_config)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    if app.config.get("CIPDESK_PROXY_FIX"):
        # Behind one reverse proxy (compose): the audit log records the user's address.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    _database(app)
    _extensions(app)
    _keys(app)
    _modules(app)
    from cipdesk.cli import enregistrer

    enregistrer(app)
    return app


def _database(app: Flask) -> None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite:///"):
        from cipdesk.core.config import proteger_base_sqlite

        fichier = uri.removeprefix("sqlite:///").split("?")[0]
        if fichier and fichier != ":memory:":
            proteger_base_sqlite(fichier)  # 0600, folder 0700 (issue #10, point 7)
    db.init_app(app)
    with app.app_context():
        _verifier_les_connexions(db.engine, app.config.get("CIPDESK_PING_APRES_SECONDES", 5))
        if db.engine.dialect.name == "postgresql":
            from cipdesk.core.db import installer_lectures_hors_transaction

            installer_lectures_hors_transaction(db.engine)  # a page's reads: no BEGIN nor COMMIT
    if uri.startswith("sqlite"):
        from sqlalchemy import event

        with app.app_context():
            @event.listens_for(db.engine, "connect")
            def _pragmas(dbapi_connection, _record):
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA journal_mode=WAL")
                # WAL + NORMAL: no corruption on a crash, no fsync on every commit
                # (each audited read is a commit; FULL cost ~30 ms per page view).
                cursor.execute("PRAGMA synchronous=NORMAL")
                cursor.execute("PRAGMA busy_timeout=5000")
                cursor.close()
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)


def _verifier_les_connexions(engine, delai: float) -> None:
    """A pooled connection is checked (an empty statement) before use only when it sat idle
    for `delai` seconds: a dead one (database restarted, idle connection cut) is replaced
    before the request uses it. `pool_pre_ping` would check it before every request, one
    more round trip to the database on every page."""
    import time

    from sqlalchemy import event, exc

    @event.listens_for(engine, "connect")
    @event.listens_for(engine, "checkin")
    def _rendue(_dbapi_connection, record, *_):
        record.info["cipdesk_rendue_le"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _verifier(dbapi_connection, record, _proxy):
        rendue = record.info.get("cipdesk_rendue_le")
        if rendue is not None and time.monotonic() - rendue < delai:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as erreur:
            # The pool replaces this connection, and the others opened before now.
            raise exc.InvalidatePoolError() from erreur


def _extensions(app: Flask) -> None:
    from cipdesk.web import filtres, securite

    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "comptes.connexion"
    login_manager.login_message = "Connectez-vous pour accéder à cette page."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def _charger(identifiant: str):
        import uuid

        from cipdesk.comptes.routes import utilisateur_du_navigateur

        try:
            uid, epoch = identifiant.split(":")
            uid = uuid.UUID(uid)
        except (ValueError, TypeError, AttributeError):
            return None
        # Checked at every request, in one statement: the account is active, at the login's
        # epoch (a password change or a revocation bumps it: older sessions end), and the
        # session is open on the server (logout, timeouts and "Mes sessions" end it there,
        # so a copied cookie stops working).
        return utilisateur_du_navigateur(uid, epoch)

    from cipdesk.comptes.routes import non_connecte

    login_manager.unauthorized_handler(non_connecte)
    filtres.enregistrer(app)
    securite.installer(app)
    securite.installer_transaction(app)


def _keys(app: Flask) -> None:
    from cipdesk.security import keys

    trousseau = keys.charger_trousseau(
        env_value=app.config.get("CIPDESK_KEK"),
        file_path=app.config.get("CIPDESK_KEK_FILE"),
        creer=app.config.get("CIPDESK_CREATE_KEK", False),
    )
    coffre = keys.Coffre(trousseau)
    keys.configurer(coffre)
    app.extensions["cipdesk_coffre"] = coffre


def _modules(app: Flask) -> None:
    """Loop over the module list (cipdesk/modules.py): nothing module-specific here."""
    from cipdesk import modules
    from cipdesk.security import audit, keys  # noqa: F401  (platform tables in the metadata)
    from cipdesk.web import chargement, idempotence
    from cipdesk.web.routes import bp as web_bp

    app.register_blueprint(web_bp)
    for module in modules.installer():
        for bp in module.blueprints:
            app.register_blueprint(bp)
        for commande in module.commandes:
            app.cli.add_command(commande)
    chargement.installer(app)
    idempotence.installer(app)
