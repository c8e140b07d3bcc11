"""Fresh databases for the tests that build their own (migrations, deployment)."""
from __future__ import annotations

import contextlib
import os

from sqlalchemy.engine import make_url


@contextlib.contextmanager
def base_neuve(tmp_path, nom: str):
    """The URL of an empty database, dropped afterwards (PostgreSQL) or left in tmp (SQLite)."""
    url = os.environ.get("CIPDESK_TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / (nom + '.db')}"
        return
    import psycopg

    base = make_url(url)
    # Suffixed by the test database's name, so that two suites on one server never share it.
    nom = f"{base.database}_{nom}"
    maintenance = base.set(drivername="postgresql").render_as_string(hide_password=False)

    def executer(*ordres: str) -> None:
        with psycopg.connect(maintenance, autocommit=True) as conn:
            for ordre in ordres:
                conn.execute(ordre)

    executer(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)', f'CREATE DATABASE "{nom}"')
    try:
        yield base.set(database=nom).render_as_string(hide_password=False)
    finally:
        executer(f'DROP DATABASE IF EXISTS "{nom}" WITH (FORCE)')


class Photographie:
    """A copy of the test database taken once (e.g. the whole demo, 10–20 s to build), put back
    into the test database in well under a second. SQLite: the file, through sqlite3's backup
    API; PostgreSQL: a database of its own, `<test database>_<nom>`, used as a TEMPLATE.

    The application's connections are closed first: the copy replaces the database under them."""

    def __init__(self, app, tmp_path, nom: str):
        self.app, self.url = app, app.config["SQLALCHEMY_DATABASE_URI"]
        self.cle = None  # what the copy was built for (e.g. the day and the keys); None: no copy
        if self.url.startswith("sqlite"):
            self.fichier = make_url(self.url).database
            self.copie = str(tmp_path / f"{nom}.db")
        else:
            base = make_url(self.url)
            self.nom_base, self.copie = base.database, f"{base.database}_{nom}"
            # the maintenance connection may not sit in the database it drops
            self.maintenance = base.set(drivername="postgresql", database="postgres").render_as_string(
                hide_password=False)

    def _fermer_connexions(self) -> None:
        from cipdesk.core.db import db

        with self.app.app_context():
            db.session.remove()
            db.engine.dispose()

    def _postgres(self, *ordres: str) -> None:
        import psycopg

        with psycopg.connect(self.maintenance, autocommit=True) as conn:
            for ordre in ordres:
                conn.execute(ordre)

    @staticmethod
    def _sqlite_copier(de: str, vers: str) -> None:
        import sqlite3

        source, cible = sqlite3.connect(de), sqlite3.connect(vers)
        try:
            source.backup(cible)
        finally:
            source.close()
            cible.close()

    def _deconnecter(self, nom: str) -> str:
        return (f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{nom}' AND pid <> pg_backend_pid()")

    def prendre(self, cle) -> None:
        """Copy the test database as it is now."""
        self._fermer_connexions()
        if self.url.startswith("sqlite"):
            self._sqlite_copier(self.fichier, self.copie)
        else:
            self._postgres(f'DROP DATABASE IF EXISTS "{self.copie}" WITH (FORCE)',
                           self._deconnecter(self.nom_base),
                           f'CREATE DATABASE "{self.copie}" TEMPLATE "{self.nom_base}"')
        self.cle = cle

    def remettre(self) -> None:
        """Replace the test database by the copy."""
        self._fermer_connexions()
        if self.url.startswith("sqlite"):
            self._sqlite_copier(self.copie, self.fichier)
        else:
            self._postgres(f'DROP DATABASE IF EXISTS "{self.nom_base}" WITH (FORCE)',
                           f'CREATE DATABASE "{self.nom_base}" TEMPLATE "{self.copie}"',
                           f'ALTER DATABASE "{self.nom_base}" SET synchronous_commit = off')

    def jeter(self) -> None:
        if self.cle is not None and not self.url.startswith("sqlite"):
            self._postgres(f'DROP DATABASE IF EXISTS "{self.copie}" WITH (FORCE)')
        self.cle = None
