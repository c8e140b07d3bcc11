"""Key rotation (resumable, nothing lost), retirement, backup → restore → decrypt."""
from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from cipdesk.notes import services as notes
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.security import keys, rotation
from cipdesk.security.chiffrement import ouvrir


def _notes(ctx, monde, n):
    textes = {}
    for i in range(n):
        auteur = monde.conseiller if i % 2 else monde.conseiller_ailleurs
        note = notes.ecrire_note(ctx, auteur=auteur, contenu=f"Note {i} — {uuid.uuid4()}")
        textes[note.id] = ouvrir(ctx, note, "contenu")
    ctx.commit()
    return textes


def _cles_utilisees(ctx):
    return {keys.Coffre.dek_id_de(n.contenu_chiffre) for n in ctx.scalars(select(NoteConfidentielle))}


def test_rotation_garde_chaque_note_lisible_et_identique(ctx, fabrique, app):
    monde = fabrique.monde()
    textes = _notes(ctx, monde, 7)
    avant = _cles_utilisees(ctx)
    bilan = rotation.rotation(ctx, taille_lot=3, commit=ctx.commit)
    assert bilan.nouvelles_cles == 2 and bilan.reecrits == 7
    ctx.expire_all()
    apres = _cles_utilisees(ctx)
    assert apres.isdisjoint(avant) and len(apres) == 2
    for note in ctx.scalars(select(NoteConfidentielle)):
        assert ouvrir(ctx, note, "contenu") == textes[note.id]
    # the old keys are unused: they can be retired, and the notes stay readable
    retirees = rotation.retirer(ctx)
    ctx.commit()
    assert {c.id for c in retirees} == avant
    ctx.expire_all()
    for note in ctx.scalars(select(NoteConfidentielle)):
        assert ouvrir(ctx, note, "contenu") == textes[note.id]


def test_rotation_interrompue_puis_reprise(ctx, fabrique):
    monde = fabrique.monde()
    textes = _notes(ctx, monde, 6)
    appels = {"n": 0}

    def commit_qui_tombe():
        appels["n"] += 1
        if appels["n"] == 3:  # crash after the new keys and one batch
            raise RuntimeError("coupure")
        ctx.commit()

    with pytest.raises(RuntimeError):
        rotation.rotation(ctx, taille_lot=2, commit=commit_qui_tombe)
    ctx.rollback()
    assert rotation.cles_retirables(ctx) == []  # half done: the old keys are still needed
    bilan = rotation.rotation(ctx, nouvelles_cles=False, taille_lot=2, commit=ctx.commit)
    assert bilan.deja_a_jour == 2 and bilan.reecrits == 4
    ctx.expire_all()
    for note in ctx.scalars(select(NoteConfidentielle)):
        assert ouvrir(ctx, note, "contenu") == textes[note.id]
    assert len(rotation.cles_retirables(ctx)) == 2


def test_commande_keys_rotate_retire_verify(app, ctx, fabrique):
    monde = fabrique.monde()
    textes = _notes(ctx, monde, 3)
    runner = app.test_cli_runner()
    res = runner.invoke(args=["keys", "rotate", "--batch", "2"])
    assert res.exit_code == 0 and "3 valeur(s) rechiffrée(s)" in res.output, res.output
    res = runner.invoke(args=["keys", "retire"])
    assert res.exit_code == 0 and "2 ancienne(s) clé(s) retirée(s)" in res.output
    res = runner.invoke(args=["keys", "verify"])
    assert res.exit_code == 0 and "Clé maîtresse correcte" in res.output
    ctx.expire_all()
    for note in ctx.scalars(select(NoteConfidentielle)):
        assert ouvrir(ctx, note, "contenu") == textes[note.id]


def test_mauvaise_cle_maitresse_detectee(app, ctx, fabrique):
    monde = fabrique.monde()
    _notes(ctx, monde, 1)
    autre = keys.TrousseauKek()
    autre.ajouter(b"\x01" * 32)
    with pytest.raises(keys.CleIntrouvable, match="n'est pas disponible"):
        keys.Coffre(autre).verifier(ctx)


def test_sauvegarde_restauration_dechiffrement(app, ctx, fabrique, tmp_path):
    """Backup → restore → decrypt: SQLite through `cipdesk backup`; PostgreSQL through pg_dump."""
    monde = fabrique.monde()
    textes = _notes(ctx, monde, 3)
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("sqlite"):
        res = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "x.db")])
        assert res.exit_code != 0 and "pg_dump" in res.output
        _restauration_postgres(url, textes)
        return
    cible = tmp_path / "sauvegarde.db"
    res = app.test_cli_runner().invoke(args=["backup", str(cible)])
    assert res.exit_code == 0, res.output
    assert sqlite3.connect(cible).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    restauree = Session(create_engine(f"sqlite:///{cible}"))
    for note in restauree.scalars(select(NoteConfidentielle)):
        assert ouvrir(restauree, note, "contenu") == textes[note.id]
    restauree.close()
    res = app.test_cli_runner().invoke(args=["backup", str(cible)])
    assert res.exit_code != 0 and "existe déjà" in res.output


def _restauration_postgres(url, textes):
    import subprocess

    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    base = "cipdesk_restauration"
    options = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres"]
    with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                         autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {base}")
        conn.execute(f"CREATE DATABASE {base}")
    try:
        dump = subprocess.run(["pg_dump", *options, "--format=custom", u.database],
                              capture_output=True, check=True).stdout
        subprocess.run(["pg_restore", *options, "--no-owner", "-d", base], input=dump, check=True)
        moteur = create_engine(u.set(database=base))
        restauree = Session(moteur)
        for note in restauree.scalars(select(NoteConfidentielle)):
            assert ouvrir(restauree, note, "contenu") == textes[note.id]
        restauree.close()
        moteur.dispose()
    finally:
        with psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database,
                             autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {base}")
