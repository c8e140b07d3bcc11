"""Sensitive free text at rest (issue #10, point 6).

A recognizable marker is written, through the models, into every encrypted field
of champs_chiffres; none may appear in the SQLite file, its WAL, a `cipdesk backup`,
the `.dump` text, nor (on PostgreSQL) in `pg_dump`. The migration takes them back to
clear text and encrypts them again; `keys rotate` keeps every value, `keys verify`
reports a tampered one. The declarations themselves are checked against the table
(scripts/chiffrer_champs.py --verifier) and every text column of the schema is
either encrypted or listed as clear with its reason (SECURITY.md)."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import String, Text, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from cipdesk.core.db import Base, db
from cipdesk.security import keys, rotation
from cipdesk.security import champs_chiffres
from cipdesk.security.chiffrement import CHAMPS_CONFIDENTIELS

RACINE = Path(__file__).resolve().parents[2]
CLAIR_TEMOIN = "ZQXCLAIRTEMOIN"  # written to a clear column: proves the scan would see a marker


def _classes() -> dict[str, type]:
    return {m.class_.__name__: m.class_ for m in Base.registry.mappers}


def _marqueur(nom: str, champ: str) -> str:
    return f"ZQX{nom}{champ}MARQUEUR"


def _valeur(nom: str, champ: str):
    m = _marqueur(nom, champ)
    return {"texte": m} if (nom, champ) in champs_chiffres.json_champs() else m


def _remplir_et_marquer(ctx) -> dict:
    """On the demo data (through the services: the `base_demo` fixture), a marker in every
    encrypted field of the first row of every model. Returns {(class, field): (id, value)}."""
    from cipdesk.personnes.models import Personne

    # The demo enrols no second factor (its accounts must log in with the printed passwords):
    # an enrolment begun through the service gives the scan a row of the TOTP secret.
    from cipdesk.comptes import second_facteur
    from cipdesk.comptes.models import Utilisateur

    second_facteur.commencer_enrolement(ctx, utilisateur=ctx.scalars(select(Utilisateur).limit(1)).first())
    ctx.commit()
    classes, ecrits = _classes(), {}
    for nom, (_table, champs) in champs_chiffres.tous().items():
        model = classes[nom]
        obj = ctx.scalars(select(model).order_by(model.id).limit(1)).first()
        assert obj is not None, f"la démo ne crée aucune ligne {nom} : le scan ne couvrirait pas ses champs"
        for champ in champs:
            setattr(obj, champ, _valeur(nom, champ))
            ecrits[(nom, champ)] = (obj.id, _valeur(nom, champ))
    ctx.scalars(select(Personne).limit(1)).first().nom_usage = CLAIR_TEMOIN
    ctx.commit()
    return ecrits


def _relire(app, ecrits: dict) -> None:
    classes = _classes()
    with app.app_context():
        session = Session(db.engine)
        try:
            for (nom, champ), (ident, valeur) in ecrits.items():
                obj = session.get(classes[nom], ident)
                assert getattr(obj, champ) == valeur, f"{nom}.{champ}"
                assert getattr(obj, f"{champ}_chiffre") is not None
        finally:
            session.close()


def _absents(contenu: bytes, ecrits: dict, ou: str) -> None:
    assert CLAIR_TEMOIN.encode() in contenu, f"le scan de {ou} ne voit pas le témoin écrit en clair"
    trouves = [f"{n}.{c}" for (n, c) in ecrits if _marqueur(n, c).encode() in contenu]
    assert not trouves, f"en clair dans {ou} : {trouves}"


def _url(app) -> str:
    return app.config["SQLALCHEMY_DATABASE_URI"]


def test_aucun_texte_sensible_en_clair_au_repos(base_demo, app, ctx, tmp_path):
    ecrits = _remplir_et_marquer(ctx)
    _relire(app, ecrits)
    url = _url(app)
    if url.startswith("sqlite"):
        chemin = Path(url.removeprefix("sqlite:///"))
        wal = Path(f"{chemin}-wal")
        assert wal.exists(), "la base de test n'est pas en WAL"
        _absents(chemin.read_bytes() + wal.read_bytes(), ecrits, "le fichier SQLite et son WAL")
        sauvegarde = tmp_path / "sauvegarde.db"
        res = app.test_cli_runner().invoke(args=["backup", str(sauvegarde)])
        assert res.exit_code == 0, res.output
        _absents(sauvegarde.read_bytes(), ecrits, "cipdesk backup")
        conn = sqlite3.connect(chemin)
        try:
            _absents("\n".join(conn.iterdump()).encode(), ecrits, ".dump")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        _absents(chemin.read_bytes(), ecrits, "le fichier SQLite après point de contrôle")
    else:
        cible = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        sortie = subprocess.run(["pg_dump", "--no-owner", cible], capture_output=True, check=True).stdout
        _absents(sortie, ecrits, "pg_dump")


def test_la_migration_dechiffre_puis_rechiffre_chaque_champ(base_demo, app, ctx):
    """0014 down: the marker is back in its clear column; up again: encrypted, readable."""
    from flask_migrate import downgrade, upgrade

    import importlib.util

    chemin = Path(__file__).resolve().parents[2] / "migrations" / "versions" / "0014_chiffrement_textes.py"
    spec = importlib.util.spec_from_file_location("migration_0014", chemin)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    ecrits = _remplir_et_marquer(ctx)
    ctx.close()
    tables = {nom: table for nom, (table, _c) in champs_chiffres.tous().items()}
    # Tables created encrypted by later migrations (ateliers…) do not exist below 0014.
    anterieurs = {k: v for k, v in ecrits.items() if tables[k[0]] in migration.COLONNES}
    with app.app_context():
        db.session.remove()
        downgrade(revision="0013_territoire")
        try:
            with db.engine.connect() as c:
                for (nom, champ), (ident, _valeur) in anterieurs.items():
                    t = sa.table(tables[nom], sa.column("id", sa.Integer() if isinstance(ident, int) else sa.Uuid()),
                                 sa.column(champ))
                    brut = c.execute(sa.select(t.c[champ]).where(t.c.id == ident)).scalar_one()
                    assert _marqueur(nom, champ) in str(brut), f"{nom}.{champ} non déchiffré : {brut!r}"
        finally:
            upgrade()
    _relire(app, anterieurs)


def test_rotation_garde_chaque_champ_et_verify_signale_une_alteration(base_demo, app, ctx):
    ecrits = _remplir_et_marquer(ctx)
    classes = _classes()
    avant = {}
    for (nom, champ), (ident, _v) in ecrits.items():
        for obj in ctx.scalars(select(classes[nom])):
            avant[(nom, champ, obj.id)] = getattr(obj, champ)
    ctx.commit()
    anciennes = {c.id for c in ctx.scalars(select(keys.CleDonnees))}
    bilan = rotation.rotation(ctx, taille_lot=50, commit=ctx.commit)
    assert bilan.reecrits > len(ecrits)
    ctx.expire_all()
    for (nom, champ, ident), valeur in avant.items():
        obj = ctx.get(classes[nom], ident)
        assert getattr(obj, champ) == valeur, f"{nom}.{champ} {ident}"
        blob = getattr(obj, f"{champ}_chiffre")
        assert blob is None or keys.Coffre.dek_id_de(blob) not in anciennes, f"{nom}.{champ} pas rechiffré"
    runner = app.test_cli_runner()
    res = runner.invoke(args=["keys", "verify"])
    assert res.exit_code == 0 and "toutes déchiffrables" in res.output, res.output
    # A blob copied onto another row of the same column: caught, named.
    from cipdesk.parcours.entretiens.models import Entretien

    a, b = ctx.scalars(select(Entretien).where(Entretien.synthese_chiffre.is_not(None)).limit(2)).all()
    ctx.execute(update(Entretien).where(Entretien.id == b.id).values(synthese_chiffre=a.synthese_chiffre))
    ctx.commit()
    res = runner.invoke(args=["keys", "verify"])
    assert res.exit_code != 0 and f"entretien.synthese ligne {b.id}" in res.output, res.output


def test_les_declarations_suivent_la_table_des_champs(app):
    """The script finds nothing left to rewrite; every declared field is registered, and
    every registered confidential field is declared by a module (the scan covers it)."""
    res = subprocess.run([sys.executable, str(RACINE / "scripts" / "chiffrer_champs.py"), str(RACINE),
                          "--verifier"], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    classes = _classes()
    enregistres = {(c.model.__tablename__, c.nom) for c in CHAMPS_CONFIDENTIELS}
    declares = set()
    for nom, (table, champs) in champs_chiffres.tous().items():
        assert classes[nom].__tablename__ == table, f"{nom} : table {classes[nom].__tablename__}, pas {table}"
        assert {(table, c) for c in champs} <= enregistres
        declares |= {(table, c) for c in champs}
    oublies = sorted(nom for nom in (f"{t}.{c}" for t, c in enregistres - declares)
                     if nom not in champs_chiffres.CHIFFRES_HORS_DECLARATION)
    assert not oublies, f"TexteConfidentiel non déclaré dans Module.chiffres de son module : {oublies}"


def test_chaque_colonne_de_texte_est_chiffree_ou_laissee_en_clair_pour_une_raison(app):
    """A new free-text column is declared by its module: in `Module.chiffres` (then the script
    and a migration) or in `Module.clairs` with the reason it may stay in clear. The table of
    SECURITY.md is made from those declarations (`cipdesk securite colonnes`), never copied."""
    chiffres = {f"{t}.{c}" for t, champs in champs_chiffres.tous().values() for c in champs}
    clairs = champs_chiffres.clairs()
    oublies = []
    for table in Base.metadata.sorted_tables:
        for col in table.columns:
            if isinstance(col.type, (Text, String)) and (isinstance(col.type, Text) or (col.type.length or 0) >= 100):
                nom = f"{table.name}.{col.name}"
                if nom not in chiffres and nom not in clairs:
                    oublies.append(nom)
    assert not oublies, ("colonnes de texte ni chiffrées ni justifiées : déclarez-les dans Module.chiffres ou "
                         f"Module.clairs du module qui possède la table (cipdesk/<module>/chiffres.py) : {oublies}")
    assert all(raison.strip() for raison in clairs.values())
    res = app.test_cli_runner().invoke(args=["securite", "colonnes"])
    assert res.exit_code == 0, res.output
    for nom in sorted(chiffres | set(clairs)):
        table, colonne = nom.split(".")
        assert f"| `{table}` | `{colonne}` |" in res.output, f"{nom} absent de la table générée"
    securite = (RACINE / "SECURITY.md").read_text(encoding="utf-8")
    section = securite[securite.index("## Colonnes chiffrées"):]
    assert "cipdesk securite colonnes" in section
    assert "| `personne` | `nom` |" not in section, "SECURITY.md ne recopie plus la table : elle est générée"
