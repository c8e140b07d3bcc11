"""Files readable by the service account only (issue #10, point 7): the SQLite database, its
WAL and shared memory, `cipdesk backup`, the key file and the development secret are 0600
(the key file 0400), the folders created for them 0700, even under the common umask 022
(before: 0644 and 0755)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cipdesk.core.config import creer_dossier_prive, creer_fichier_prive
from cipdesk.core.db import db


def mode(chemin: Path) -> int:
    return stat.S_IMODE(os.stat(chemin).st_mode)


@pytest.fixture
def umask_courant():
    """The usual umask of a server: what the attack relied on."""
    avant = os.umask(0o022)
    yield
    os.umask(avant)


@pytest.fixture
def instance_neuve(app, tmp_path, umask_courant, monkeypatch):
    """A fresh app on a new SQLite file in new folders, with a key file and no SECRET_KEY
    (development): everything it creates on disk."""
    from cipdesk import create_app
    from cipdesk.security import keys

    racine = tmp_path / "srv"
    monkeypatch.setenv("CIPDESK_INSTANCE_PATH", str(racine / "instance"))
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("CIPDESK_KEK", raising=False)
    monkeypatch.delenv("CIPDESK_ENV", raising=False)
    monkeypatch.setenv("CIPDESK_KEK_FILE", str(racine / "secrets" / "kek" / "kek.key"))
    base = racine / "donnees" / "cipdesk.db"
    autre = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{base}"})
    try:
        yield autre, racine, base
    finally:
        with autre.app_context():
            db.session.remove()
            db.engine.dispose()
        keys.configurer(app.extensions["cipdesk_coffre"])


def test_base_wal_cles_secret_et_sauvegarde_en_0600(instance_neuve):
    from flask_migrate import upgrade

    autre, racine, base = instance_neuve
    with autre.app_context():
        upgrade()
        connexion = db.engine.connect()  # an open connection keeps the WAL and SHM on disk
        try:
            connexion.exec_driver_sql("SELECT count(*) FROM structure").all()
            wal, shm = Path(f"{base}-wal"), Path(f"{base}-shm")
            assert wal.exists() and shm.exists()
            assert {p.name: oct(mode(p)) for p in (base, wal, shm)} == \
                {p.name: "0o600" for p in (base, wal, shm)}
            resultat = autre.test_cli_runner().invoke(
                args=["backup", str(racine / "sauvegardes" / "2026" / "cipdesk.sqlite")])
            assert resultat.exit_code == 0, resultat.output
        finally:
            connexion.close()
    sauvegarde = racine / "sauvegardes" / "2026" / "cipdesk.sqlite"
    assert oct(mode(sauvegarde)) == "0o600"
    assert oct(mode(racine / "instance" / "secret_key")) == "0o600"
    assert oct(mode(racine / "secrets" / "kek" / "kek.key")) == "0o400"
    for dossier in (racine, racine / "donnees", racine / "instance", racine / "secrets",
                    racine / "secrets" / "kek", racine / "sauvegardes", racine / "sauvegardes" / "2026"):
        assert oct(mode(dossier)) == "0o700", dossier


def test_une_base_laissee_en_0644_est_resserree(app, tmp_path, umask_courant):
    from cipdesk.core.config import proteger_base_sqlite

    base = tmp_path / "ancienne.db"
    for chemin in (base, Path(f"{base}-wal")):
        chemin.write_bytes(b"")
        chemin.chmod(0o644)
    proteger_base_sqlite(base)
    assert oct(mode(base)) == oct(mode(Path(f"{base}-wal"))) == "0o600"


def test_les_aides_ne_touchent_pas_un_dossier_existant_partage(tmp_path, umask_courant):
    partage = tmp_path / "partage"
    partage.mkdir(mode=0o755)
    partage.chmod(0o755)
    fichier = creer_fichier_prive(partage / "a" / "b" / "f.txt")
    assert oct(mode(fichier)) == "0o600"
    assert oct(mode(partage)) == "0o755"  # like /tmp: not ours to change
    assert oct(mode(partage / "a")) == oct(mode(partage / "a" / "b")) == "0o700"
    assert creer_dossier_prive(partage / "a") == partage / "a"
