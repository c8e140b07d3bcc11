"""Benchmark floors (bench/run.py): for each main page, a minimal endpoint of
the same app that runs the page's essential query and returns it unrendered.

Registered only when CIPDESK_BENCH=1: never in production, never in tests.
Each floor goes through the same login and structure scoping as its page."""
from __future__ import annotations

import time

from flask import Blueprint, Flask, g, jsonify
from flask_login import current_user
from sqlalchemy import select

from cipdesk.alertes import alertes_pour
from cipdesk.db import db

bp = Blueprint("plancher", __name__, url_prefix="/_plancher")

# Page name -> function(args) returning rows; modules add theirs with @plancher("name").
PLANCHERS: dict = {}


def plancher(nom: str):
    def enregistrer(fonction):
        PLANCHERS[nom] = fonction
        return fonction
    return enregistrer


@plancher("accueil")
def _accueil(_args):
    from cipdesk.personnes.models import Personne

    ids = db.session.scalars(select(Personne.id).where(
        Personne.structure_id == current_user.structure_id, Personne.referent_id == current_user.id)).all()
    return [a.code for lst in alertes_pour(db.session, list(ids)).values() for a in lst]


@bp.get("/<nom>")
def mesurer(nom: str):
    from flask import abort, request

    fonction = PLANCHERS.get(nom)
    if fonction is None:
        abort(404)
    lignes = fonction(request.args)
    return jsonify(n=len(lignes) if hasattr(lignes, "__len__") else 1)


def installer(app: Flask) -> None:
    """Server-Timing on every response and the floor endpoints, for benchmarks only."""
    app.register_blueprint(bp)

    @app.before_request
    def _debut():
        g.debut_mesure = time.perf_counter()

    @app.after_request
    def _duree(reponse):
        if "debut_mesure" in g:
            reponse.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - g.debut_mesure) * 1000:.2f}"
        return reponse
