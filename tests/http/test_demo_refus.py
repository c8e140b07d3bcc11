"""`cipdesk demo` and `cipdesk demo --reset` refuse a production instance and a database holding
anything but demo data (issue #10, point 8): before, `demo --reset` with CIPDESK_ENV=production
emptied the whole database, audit included, and recreated accounts with a public password."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.security.audit import Action, JournalAudit, journaliser
from cipdesk.security import audit


@pytest.fixture
def production(app):
    avant = app.config["CIPDESK_ENV"]
    app.config["CIPDESK_ENV"] = "production"
    yield
    app.config["CIPDESK_ENV"] = avant


def compter(ctx, modele) -> int:
    ctx.rollback()
    return ctx.scalar(select(func.count()).select_from(modele))


@pytest.mark.parametrize("args", [["demo"], ["demo", "--reset"]])
def test_refuse_en_production(app, ctx, production, args):
    journaliser(ctx, acteur=None, action=Action.CONNEXION, objet_type="utilisateur")
    ctx.commit()
    resultat = app.test_cli_runner().invoke(args=args)
    assert resultat.exit_code != 0
    assert "Refusé : cette instance est en production (CIPDESK_ENV=production)" in resultat.output
    assert compter(ctx, JournalAudit) == 1 and compter(ctx, Utilisateur) == 0


def test_refuse_en_production_par_la_variable_d_environnement(app, ctx, monkeypatch):
    monkeypatch.setenv("CIPDESK_ENV", "production")
    resultat = app.test_cli_runner().invoke(args=["demo", "--reset"])
    assert resultat.exit_code != 0 and "production" in resultat.output
    assert compter(ctx, Utilisateur) == 0


@pytest.mark.parametrize("args", [["demo"], ["demo", "--reset"]])
def test_refuse_une_base_avec_des_donnees_reelles(app, ctx, fabrique, args):
    fabrique.utilisateur(fabrique.structure(nom="Maison de l'emploi de Roubaix"))
    avant = compter(ctx, JournalAudit)
    resultat = app.test_cli_runner().invoke(args=args)
    assert resultat.exit_code != 0
    assert "Refusé : la base contient des données qui ne sont pas de démonstration" in resultat.output
    assert "Maison de l'emploi de Roubaix" in resultat.output
    assert compter(ctx, Structure) == 1 and compter(ctx, Utilisateur) == 1
    assert compter(ctx, JournalAudit) == avant


def test_accepte_une_base_vide_puis_une_base_de_demo(app, ctx):
    runner = app.test_cli_runner()
    resultat = runner.invoke(args=["demo"])
    assert resultat.exit_code == 0, resultat.output
    ctx.rollback()
    assert all((s.parametres or {}).get("demo") for s in ctx.scalars(select(Structure)))
    ctx.rollback()  # PostgreSQL: the reset's TRUNCATE waits for readers
    resultat = runner.invoke(args=["demo", "--reset"])
    assert resultat.exit_code == 0, resultat.output
    assert "admin@demo.cipdesk.fr" in resultat.output
    ctx.rollback()
    assert compter(ctx, Structure) == 2
    bilan = audit.verifier(ctx)  # the reset starts a fresh chain
    assert bilan.integre, bilan.anomalies
