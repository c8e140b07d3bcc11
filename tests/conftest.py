"""Shared fixtures. The schema is built by running the migrations (never
create_all), on SQLite by default or on PostgreSQL when
CIPDESK_TEST_DATABASE_URL is set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test).

Under pytest-xdist each worker gets a database of its own on PostgreSQL,
`<test database>_<worker>` (e.g. `test_gw0`), created when the worker starts and
dropped when it ends; CIPDESK_TEST_DATABASE_URL then names it inside the worker, so
the databases that tests build for themselves (tests/bases.py) are suffixed by it too."""
from __future__ import annotations

import base64
import os
import re

import pytest
from sqlalchemy import text

from cipdesk.security import passwords

# Test configuration only: argon2id with light parameters. The production ones (RFC 9106
# low-memory profile, ~1 s per login on a loaded CI machine) made every login and every
# account created by a test pay for them; tests/unit/test_hachage_production.py checks, in a
# process without this setting, that the application still hashes with them.
passwords._hasher = __import__("argon2").PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
passwords.HASH_LEURRE = passwords.hacher("cipdesk-compte-inexistant")  # same cost as a real account

MOT_DE_PASSE = "Un-mot-de-passe-de-test-2026"
_HASH = passwords.hacher(MOT_DE_PASSE)  # hashed once


def _base_du_worker(config) -> tuple[str, str] | None:
    """(URL of the worker's own PostgreSQL database, maintenance URL) under xdist, else None."""
    url = os.environ.get("CIPDESK_TEST_DATABASE_URL")
    entree = getattr(config, "workerinput", None)
    if not url or not est_postgres(url) or entree is None:
        return None
    from sqlalchemy.engine import make_url

    base = make_url(url)
    propre = base.set(database=f"{base.database}_{entree['workerid']}")
    maintenance = base.set(drivername="postgresql").render_as_string(hide_password=False)
    return propre.render_as_string(hide_password=False), maintenance


def _executer_maintenance(maintenance: str, *ordres: str) -> None:
    import psycopg

    with psycopg.connect(maintenance, autocommit=True) as conn:
        for ordre in ordres:
            conn.execute(ordre)


def pytest_configure(config):
    worker = _base_du_worker(config)
    if worker is None:
        return
    url, maintenance = worker
    from sqlalchemy.engine import make_url

    nom = make_url(url).database
    # A test database needs no durability: its commits need not wait for the disk (a setting of this
    # database only, never of a real one; re-applied to the demo copies, which TEMPLATE does not carry).
    _executer_maintenance(maintenance, f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)', f'CREATE DATABASE "{nom}"',
                          f'ALTER DATABASE "{nom}" SET synchronous_commit = off')
    config._cipdesk_base_du_worker = (nom, maintenance, os.environ["CIPDESK_TEST_DATABASE_URL"])
    os.environ["CIPDESK_TEST_DATABASE_URL"] = url


def pytest_unconfigure(config):
    worker = getattr(config, "_cipdesk_base_du_worker", None)
    if worker is not None:
        nom, maintenance, url_d_origine = worker
        os.environ["CIPDESK_TEST_DATABASE_URL"] = url_d_origine
        _executer_maintenance(maintenance, f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')
        return
    url = os.environ.get("CIPDESK_TEST_DATABASE_URL")
    if url and est_postgres(url) and getattr(config, "workerinput", None) is None \
            and getattr(config.option, "numprocesses", None):
        # The controller, once every worker is gone: no worker database is left behind,
        # even from a worker that was stopped before it could drop its own.
        import psycopg
        from sqlalchemy.engine import make_url

        base = make_url(url)
        maintenance = base.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(maintenance, autocommit=True) as conn:
            noms = [nom for (nom,) in conn.execute("SELECT datname FROM pg_database")
                    if re.fullmatch(re.escape(base.database) + r"_gw\d+(_demo)?", nom)]
            for nom in noms:
                conn.execute(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')


def url_base_de_test(tmp_path_factory) -> str:
    url = os.environ.get("CIPDESK_TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


def est_postgres(url: str) -> bool:
    return url.startswith("postgresql")


def remettre_a_zero_postgres(engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


@pytest.fixture(scope="session", autouse=True)
def _horloge_des_tests():
    """The app's one clock (core.dates) follows the test machine's calendar day, so
    tests that write `date.today()` mean the same day as the app, even at 00:30 in
    Paris when it is still yesterday in UTC."""
    from datetime import date, datetime

    from cipdesk.core import dates

    dates.regler_horloge(lambda: datetime.combine(date.today(), datetime.now().time(), tzinfo=dates.PARIS))
    yield
    dates.regler_horloge(None)


@pytest.fixture(scope="session")
def kek_b64() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


@pytest.fixture(scope="session")
def app(tmp_path_factory, kek_b64):
    from flask_migrate import upgrade

    from cipdesk import create_app
    from cipdesk.core.db import db

    instance = tmp_path_factory.mktemp("instance")
    os.environ["CIPDESK_INSTANCE_PATH"] = str(instance)
    url = url_base_de_test(tmp_path_factory)
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "cle-de-test",
        "SQLALCHEMY_DATABASE_URI": url,
        "CIPDESK_KEK": kek_b64,
    })
    app.jinja_env.undefined = __import__("jinja2").StrictUndefined
    with app.app_context():
        if est_postgres(url):
            remettre_a_zero_postgres(db.engine)
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def vider_tables(db) -> None:
    """Empty every table between tests (the audit triggers let the purge flag through)."""
    from cipdesk.core.db import Base

    noms = [t.name for t in Base.metadata.sorted_tables]
    if db.engine.dialect.name == "postgresql":
        # TRUNCATE of all ~80 tables costs about a third of a second per test; most tests write
        # in a handful of tables, found in ~10 ms. Sequences are restarted wherever they were
        # used, even on a table emptied by the test itself, so that ids start at 1 again.
        with db.engine.begin() as conn:
            sonde = " UNION ALL ".join(f"SELECT '{nom}' WHERE EXISTS (SELECT 1 FROM {nom})" for nom in noms)
            pleines = [ligne[0] for ligne in conn.execute(text(sonde))]
            if pleines:
                # DELETE rather than TRUNCATE: on tables of a few rows, TRUNCATE's new files (one per
                # table and index) cost ~0.4 s per test; with triggers and foreign keys switched off
                # for this session only (replica role: superuser test database), DELETE costs ms.
                if conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")):
                    conn.execute(text("SET LOCAL session_replication_role = replica"))
                    for nom in pleines:
                        conn.execute(text(f"DELETE FROM {nom}"))
                else:
                    conn.execute(text("TRUNCATE " + ", ".join(pleines) + " CASCADE"))
            for (sequence,) in conn.execute(text(
                    "SELECT schemaname || '.' || sequencename FROM pg_sequences WHERE last_value IS NOT NULL")):
                conn.execute(text("SELECT setval(:s, 1, false)"), {"s": sequence})
        return
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO audit_purge_autorisee (id) VALUES (1)"))
        for nom in reversed(noms):
            if nom != "audit_purge_autorisee":
                conn.execute(text(f"DELETE FROM {nom}"))
        conn.execute(text("DELETE FROM audit_purge_autorisee"))


@pytest.fixture(autouse=True)
def _base_propre(request):
    yield
    if "app" in request.fixturenames:
        app = request.getfixturevalue("app")
        from cipdesk.core.db import db

        with app.app_context():
            db.session.remove()
            vider_tables(db)


@pytest.fixture
def ctx(app):
    """A database session of the test's own; tests call services with it.

    No application context stays pushed: otherwise every test-client request
    would reuse it, sharing `g` and the scoped session between requests."""
    from sqlalchemy.orm import Session

    from cipdesk.core.db import db

    with app.app_context():
        engine = db.engine
    session = Session(engine)
    yield session
    session.rollback()
    session.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def fabrique(ctx):
    """Builds structures and accounts with sensible defaults (committed)."""
    from tests.factories import Fabrique

    return Fabrique(ctx, _HASH)


def jeton_csrf(html: str) -> str:
    trouve = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or \
        re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert trouve, "pas de jeton CSRF dans la page"
    return trouve.group(1)


class Navigateur:
    """A test client that logs in through the real login form and posts forms with their token."""

    def __init__(self, client):
        self.client = client

    def connexion(self, email: str, mot_de_passe: str = MOT_DE_PASSE, **kw):
        page = self.client.get("/connexion")
        return self.client.post("/connexion", data={
            "email": email, "mot_de_passe": mot_de_passe, "csrf_token": jeton_csrf(page.get_data(as_text=True)),
        }, **kw)

    def get(self, *a, **kw):
        return self.client.get(*a, **kw)

    def post(self, url: str, data: dict | None = None, *, depuis: str | None = None, **kw):
        """POST with the CSRF token taken from `depuis` (default: the same URL)."""
        page = self.client.get(depuis or url)
        donnees = dict(data or {})
        donnees.setdefault("csrf_token", jeton_csrf(page.get_data(as_text=True)))
        return self.client.post(url, data=donnees, **kw)


@pytest.fixture
def nav(client):
    return Navigateur(client)


@pytest.fixture
def nav_factory(app):
    def _nouveau():
        return Navigateur(app.test_client())
    return _nouveau


@pytest.fixture(scope="session")
def _photo_demo(app, tmp_path_factory):
    from tests.bases import Photographie

    photo = Photographie(app, tmp_path_factory.mktemp("demo"), "demo")
    yield photo
    photo.jeter()


@pytest.fixture
def base_demo(app, _photo_demo):
    """The whole demo (`cipdesk.demo.remplir`, its default seed, the tests' clock) committed in
    the test's database, as if the test had just run remplir; returns what remplir returns.

    remplir runs for real once per worker (again if the day or the keys changed), then its
    database is copied into each test that asks (10–20 s saved per test). Ask for it before any
    fixture that writes (the copy replaces the database). Tests of the command itself
    (idempotence, --reset, refusals, what it prints) run `cipdesk demo`, not this."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from cipdesk import demo
    from cipdesk.comptes.models import Structure
    from cipdesk.core.dates import aujourdhui
    from cipdesk.core.db import db
    from cipdesk.security import keys

    with app.app_context():
        with Session(db.engine) as session:
            assert session.scalar(select(func.count()).select_from(Structure)) == 0, \
                "base_demo remplace la base : demandez-la avant toute fixture qui écrit"
    cle = (aujourdhui(), tuple(sorted(keys.coffre().trousseau.cles.items())))
    if _photo_demo.cle == cle:
        _photo_demo.remettre()
        return list(_photo_demo.comptes)
    with app.app_context():
        with Session(db.engine) as session:
            comptes = demo.remplir(session)
            session.commit()
    _photo_demo.prendre(cle)
    _photo_demo.comptes = comptes
    return list(comptes)
