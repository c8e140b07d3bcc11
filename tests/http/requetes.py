"""Counting the SQL queries a page costs (the « constant number of queries » tests)."""
from __future__ import annotations

from sqlalchemy import event

from cipdesk.core.db import db


def compter_requetes(app, nav, url: str) -> int:
    """How many statements GET `url` sends to the database (the page must answer 200)."""
    with app.app_context():
        engine = db.engine
    compteur = []

    def _ecoute(*_a, **_k):
        compteur.append(1)

    event.listen(engine, "before_cursor_execute", _ecoute)
    try:
        assert nav.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", _ecoute)
    return len(compteur)


def requetes(app, nav, url: str) -> list[str]:
    """The statements GET `url` sends (their SQL text), to count one kind of read."""
    with app.app_context():
        engine = db.engine
    textes: list[str] = []

    def _ecoute(_conn, _curseur, instruction, *_a, **_k):
        textes.append(instruction)

    event.listen(engine, "before_cursor_execute", _ecoute)
    try:
        assert nav.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", _ecoute)
    return textes


def allers_retours(app, nav, url: str, methode: str = "get", **kw):
    """(response, round trips). PostgreSQL: each round trip the request makes to the server, in order (libpq's trace of
    the messages sent): « BEGIN », « COMMIT », « ROLLBACK », « requête » for a statement
    (its Parse/Bind/Execute end with one Sync: one round trip), « BEGIN + requête » for a BEGIN
    sent with the statement after it. SET and the like would appear by their text."""
    import tempfile

    from psycopg import pq

    with app.app_context():
        engine = db.engine
    traces: list = []

    def _sortie(dbapi, _record, _proxy):
        fichier = tempfile.TemporaryFile("w+")
        dbapi.pgconn.trace(fichier.fileno())
        dbapi.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
        traces.append((dbapi, fichier))

    def _rentree(dbapi, _record):
        for connexion, _f in traces:
            if connexion is dbapi:
                dbapi.pgconn.untrace()

    event.listen(engine, "checkout", _sortie)
    event.listen(engine, "checkin", _rentree)
    try:
        reponse = getattr(nav, methode)(url, **kw)
    finally:
        event.remove(engine, "checkout", _sortie)
        event.remove(engine, "checkin", _rentree)
    allers: list[str] = []
    for dbapi, fichier in traces:
        dbapi.pgconn.untrace()
        fichier.flush()
        fichier.seek(0)
        avec_begin = False
        for ligne in fichier.read().splitlines():
            champs = ligne.split("\t")
            if len(champs) < 3 or champs[0] != "F":
                continue
            if champs[2] == "Query":
                allers.append(champs[3].strip().strip('"').split(";")[0].upper())
            elif champs[2] == "Parse" and '"BEGIN"' in champs[3]:
                avec_begin = True  # pipeline mode: the BEGIN sent with the next statement
            elif champs[2] == "Sync":
                allers.append("BEGIN + requête" if avec_begin else "requête")
                avec_begin = False
        fichier.close()
    return reponse, allers
