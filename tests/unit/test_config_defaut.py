"""The default SQLite file keeps its name across versions: an upgrade must find the
existing database (instance/cipdesk.db), never start an empty one beside it."""
from __future__ import annotations

from cipdesk.core.config import load_config


def test_la_base_sqlite_par_defaut_garde_son_nom(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = load_config(str(tmp_path))
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'cipdesk.db'}"
