"""Migrations up → down → up on a FRESH database, on SQLite (a new file) or on
PostgreSQL (a separate database `cipdesk_migrations`) when CIPDESK_TEST_DATABASE_URL
is set; the audit log stays append-only at the SQL level after each upgrade.
(That the migrations build exactly the models' schema is test_migrations_a_jour.py's job.)"""
from __future__ import annotations


import pytest

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from cipdesk.core.db import Base, db
from tests.bases import base_neuve

BASE_PG = "cipdesk_migrations"

pytestmark = pytest.mark.slow

HORS_MODELES = {"audit_purge_autorisee"}  # created by the migration for the audit triggers only




@pytest.fixture
def app_neuve(app, tmp_path, kek_b64):
    """An app on an empty database. create_app() replaces the module-global key vault:
    the session app's vault is put back afterwards."""
    from cipdesk import create_app
    from cipdesk.security import keys

    with base_neuve(tmp_path, BASE_PG) as url:
        autre = create_app({"TESTING": True, "SECRET_KEY": "cle-de-test-migrations",
                            "SQLALCHEMY_DATABASE_URI": url, "CIPDESK_KEK": kek_b64})
        try:
            yield autre
        finally:
            with autre.app_context():
                db.session.remove()
                db.engine.dispose()
            keys.configurer(app.extensions["cipdesk_coffre"])


def tables(moteur) -> set[str]:
    return set(inspect(moteur).get_table_names())


def declencheurs_d_audit(moteur) -> int:
    with moteur.connect() as c:
        if moteur.dialect.name == "postgresql":
            return c.execute(text("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal "
                                  "AND tgname LIKE 'journal_audit%'")).scalar_one()
        return c.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                              "AND tbl_name = 'journal_audit'")).scalar_one()


def verifier_journal_en_ajout_seul(moteur) -> None:
    with moteur.begin() as c:
        c.execute(text(
            "INSERT INTO journal_audit (acteur_libelle, role, action, objet_type, objet_id, adresse_ip, "
            "agent, motif, details) VALUES ('Test <t@exemple.fr>', 'conseiller', 'lecture', "
            "'note_confidentielle', 'x', '127.0.0.1', '', '', '{}')"))
    for ordre in ("UPDATE journal_audit SET motif = 'falsifié'", "DELETE FROM journal_audit"):
        with pytest.raises(DBAPIError, match="ajout seul"):
            with moteur.begin() as c:
                c.execute(text(ordre))
    with moteur.connect() as c:
        assert c.execute(text("SELECT motif FROM journal_audit")).scalars().all() == [""]
    # The purge flag no longer deletes anything (issue #10, point 8): only the retention
    # purge, for old rows covered by a purge row of the chain (tests/http/test_audit_chaine.py).
    with pytest.raises(DBAPIError, match="ajout seul"):
        with moteur.begin() as c:
            c.execute(text("INSERT INTO audit_purge_autorisee (id) VALUES (1)"))
            c.execute(text("DELETE FROM journal_audit"))
    with moteur.begin() as c:
        c.execute(text("INSERT INTO audit_purge_autorisee (id) VALUES (1)"))
        with pytest.raises(DBAPIError, match="ajout seul"):
            with c.begin_nested():
                c.execute(text("UPDATE journal_audit SET motif = 'falsifié'"))
        c.execute(text("DELETE FROM audit_purge_autorisee"))
    with moteur.connect() as c:
        assert c.execute(text("SELECT count(*) FROM journal_audit")).scalar_one() == 1
    with moteur.begin() as c:  # emptying the whole database (demo, tests): TRUNCATE or, on
        if moteur.dialect.name == "postgresql":  # SQLite, the flag once the chain head is gone
            c.execute(text("TRUNCATE journal_audit, journal_audit_tete"))
        else:
            c.execute(text("DELETE FROM journal_audit_tete"))
            c.execute(text("INSERT INTO audit_purge_autorisee (id) VALUES (1)"))
            c.execute(text("DELETE FROM journal_audit"))
            c.execute(text("DELETE FROM audit_purge_autorisee"))
    with moteur.connect() as c:
        assert c.execute(text("SELECT count(*) FROM journal_audit")).scalar_one() == 0


def test_migrations_aller_retour_sur_base_neuve(app_neuve):
    from flask_migrate import downgrade, upgrade

    from cipdesk import migrate

    modeles = {t.name for t in Base.metadata.sorted_tables}
    attendues = modeles | HORS_MODELES | {"alembic_version"}
    with app_neuve.app_context():
        moteur = db.engine
        assert tables(moteur) == set(), "la base de départ n'est pas vide"

        upgrade()
        assert tables(moteur) == attendues
        assert declencheurs_d_audit(moteur) >= 1
        verifier_journal_en_ajout_seul(moteur)

        downgrade(revision="base")
        assert tables(moteur) == {"alembic_version"}
        assert declencheurs_d_audit(moteur) == 0
        with moteur.connect() as c:
            assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 0
            if moteur.dialect.name == "postgresql":
                assert c.execute(text("SELECT count(*) FROM pg_proc "
                                      "WHERE proname = 'journal_audit_immuable'")).scalar_one() == 0

        upgrade()
        assert tables(moteur) == attendues
        verifier_journal_en_ajout_seul(moteur)
        with moteur.connect() as c:
            version = c.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        from alembic.script import ScriptDirectory

        assert version == ScriptDirectory.from_config(migrate.get_config()).get_current_head()


def test_le_coffre_de_la_session_est_remis_en_place(app):
    """Guards the restore in app_neuve: later tests encrypt with the session app's keys."""
    from cipdesk.security import keys

    assert keys.coffre() is app.extensions["cipdesk_coffre"]
