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
