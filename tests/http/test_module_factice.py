"""Issue #9: « adding a module edits one line ». A test-only module (tests/modules_factices/
factice) is named in `cipdesk.modules.MODULES` and nowhere else: its encrypted field is
encrypted at rest and covered by the one point of access (`champs_chiffres.tous()`, the
script's table, the generated SECURITY.md table), its clear column is justified, and its
routes are decided by the policy from the permissions it declares."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from cipdesk import create_app, modules
from cipdesk.core.db import db
from cipdesk.security import champs_chiffres, chiffrement, policy
from tests.conftest import Navigateur

FACTICE = "tests.modules_factices.factice"


@pytest.fixture
def app_factice(app):
    """A second application whose module list has ONE more line: the factice module."""
    avant = modules.MODULES
    modules.MODULES = avant + (FACTICE,)
    try:
        autre = create_app({k: app.config[k] for k in ("TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI",
                                                        "CIPDESK_KEK")})
        from tests.modules_factices.factice.models import BaseFactice

        with autre.app_context():
            BaseFactice.metadata.create_all(db.engine)
        yield autre
        with autre.app_context():
            db.session.remove()
            BaseFactice.metadata.drop_all(db.engine)
            db.engine.dispose()
    finally:
        modules.MODULES = avant
        modules.installer()  # the registry of the real module list again
        chiffrement.CHAMPS_CONFIDENTIELS[:] = [c for c in chiffrement.CHAMPS_CONFIDENTIELS
                                               if c.model.__tablename__ != "confidence_factice"]


def test_ses_champs_sont_agreges_et_documentes_sans_autre_fichier(app_factice):
    assert champs_chiffres.tous()["Confidence"] == ("confidence_factice", ("recit",))
    assert champs_chiffres.colonnes_par_table()["confidence_factice"] == ("recit",)
    assert "confidence_factice.titre" in champs_chiffres.clairs()
    table = champs_chiffres.table_markdown()
    assert "| `confidence_factice` | `recit` | chiffrée | récit d'une personne | factice |" in table
    assert "| `confidence_factice` | `titre` | en clair |" in table
    res = app_factice.test_cli_runner().invoke(args=["securite", "acces"])
    assert "| `factice.ecrire` | factice | conseiller |" in res.output


def test_son_champ_est_chiffre_au_repos_et_ses_routes_soumises_a_la_politique(app_factice, fabrique, ctx):
    m = fabrique.monde()
    conseiller, chef = Navigateur(app_factice.test_client()), Navigateur(app_factice.test_client())
    conseiller.connexion(m.conseiller.email)
    chef.connexion(m.chef.email)
    assert app_factice.test_client().get("/factice/").status_code in (302, 401)  # anonymous: to the login
    assert conseiller.get("/factice/").status_code == 200
    assert chef.get("/factice/").status_code == 200
    admin = Navigateur(app_factice.test_client())
    admin.connexion(m.admin.email)
    assert admin.get("/factice/").status_code == 403          # role without the permission
    r = chef.post("/factice/", {}, depuis="/compte/mot-de-passe")
    assert r.status_code == 403                                  # « factice.ecrire »: conseillers only
    r = conseiller.post("/factice/", {}, depuis="/compte/mot-de-passe")
    assert r.status_code == 201, r.get_data(as_text=True)
    ident = r.get_data(as_text=True)
    assert conseiller.get(f"/factice/{ident}").get_data(as_text=True) == "ZQXFACTICERECIT"
    assert chef.get(f"/factice/{ident}").status_code == 403   # the module's loader guard (not the author)
    # At rest: only the encrypted blob, never the text.
    brut = ctx.execute(text("SELECT recit_chiffre FROM confidence_factice")).scalar_one()
    assert brut and b"ZQXFACTICERECIT" not in bytes(brut)
    url = app_factice.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        ctx.execute(text("PRAGMA wal_checkpoint(FULL)"))
        chemin = Path(url.removeprefix("sqlite:///"))
        contenu = chemin.read_bytes() + Path(f"{chemin}-wal").read_bytes()
        assert b"Titre en clair" in contenu and b"ZQXFACTICERECIT" not in contenu
    # The menu shows it to whom the policy allows.
    from cipdesk.core.contrat import registre

    assert any(e.endpoint == "factice.index" for e, _c in registre.menu(m.conseiller))
    assert not any(e.endpoint == "factice.index" for e, _c in registre.menu(m.admin))


def test_le_script_de_chiffrement_lit_les_declarations_du_module(app_factice):
    import importlib.util

    racine = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("chiffrer_champs_factice", racine / "scripts" / "chiffrer_champs.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.CHAMPS["Confidence"] == ("confidence_factice", ("recit",))


def test_une_permission_inconnue_est_une_erreur_et_un_compte_inactif_n_a_rien(app, fabrique):
    m = fabrique.monde()
    with pytest.raises(KeyError, match="factice.voir"):
        policy.peut(m.conseiller, "factice.voir")
    assert policy.peut(m.conseiller, "employeurs.modifier")
    m.conseiller.actif = False
    assert not policy.peut(m.conseiller, "employeurs.modifier")
    assert not policy.peut(None, "employeurs.voir")
