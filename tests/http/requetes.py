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
