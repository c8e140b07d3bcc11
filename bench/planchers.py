"""Benchmark floors (bench/run.py): for each main page, a minimal endpoint of
the same app that runs the page's essential query and returns it unrendered.

Installed only by the benchmark's WSGI entry (`gunicorn bench.wsgi:app`): the
application package never imports this module (import-linter contract), so the
floors exist neither in production nor in tests. Each floor goes through the same
login and structure scoping as its page."""
from __future__ import annotations

import time
import uuid

from flask import Blueprint, Flask, g, jsonify
from flask_login import current_user
from sqlalchemy import select

from cipdesk.core.db import db

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
    from cipdesk.core.dates import aujourdhui
    from cipdesk.personnes.queries import mes_alertes_les_plus_graves
    from cipdesk.personnes.routes import LIMITE_ALERTES_EQUIPE
    from cipdesk.security import policy

    # as the page: a chef sees the 50 people whose alerts are the gravest (and how many in all)
    limite = LIMITE_ALERTES_EQUIPE if policy.peut(current_user, "tableau.voir") else None
    premiers, _en_tout = mes_alertes_les_plus_graves(db.session, current_user, aujourdhui(), limite)
    return [(str(p.id), [a.code for a in alertes]) for p, alertes in premiers]


def _file_active(args):
    from cipdesk.core.dates import aujourdhui
    from cipdesk.personnes import queries

    resultat = queries.file_active(db.session, current_user, file_active_partagee=queries.file_partagee(current_user),
                                   q=args.get("q", "")[:100], aujourd_hui=aujourdhui())
    return [(str(l.personne.id), l.personne.nom, [a.code for a in l.alertes]) for l in resultat.lignes]


plancher("file_active")(_file_active)
plancher("recherche")(_file_active)


@plancher("personne")
def _personne(args):
    from cipdesk.personnes import queries
    from cipdesk.personnes.models import Personne
    from cipdesk.web.chargement import charger

    personne = charger(Personne, uuid.UUID(args["personne"]))  # the audited read, as on the page
    return [(e.le.isoformat(), e.titre) for e in queries.chronologie(db.session, personne, current_user)]


def _lecture_auditee(objet_type: str, objet_id) -> None:
    """The page must log the read of a person's file (SECURITY.md « Audit »): that
    write (and its commit) is part of the page's floor, not of its overhead."""
    from cipdesk.security.audit import Action, journaliser

    journaliser(db.session, acteur=current_user, action=Action.LECTURE, objet_type=objet_type, objet_id=objet_id)


@plancher("diagnostic")
def _diagnostic(args):
    from sqlalchemy.orm import selectinload

    from cipdesk.accueil.diagnostic.models import Diagnostic
    from cipdesk.personnes.models import Personne
    from cipdesk.web.chargement import charger

    personne = charger(Personne, uuid.UUID(args["personne"]))
    _lecture_auditee("diagnostic", personne.id)
    diagnostics = db.session.scalars(select(Diagnostic).where(Diagnostic.personne_id == personne.id)
                                     .options(selectinload(Diagnostic.dimensions))).all()
    return [(d.numero, [(x.dimension_code, x.frein_niveau) for x in d.dimensions]) for d in diagnostics]


@plancher("parcours")
def _parcours(args):
    from cipdesk.parcours.contrat.routes import charger_parcours

    parcours = charger_parcours(uuid.UUID(args["parcours"]), complet=True)
    return [e.intitule for e in parcours.etapes] + [str(e.le) for e in parcours.entretiens]


@plancher("competences")
def _competences(_args):
    from cipdesk.competences import queries

    return sorted(queries.couverture(db.session, current_user.id))


@plancher("competence")
def _competence(_args):
    from cipdesk.competences import queries

    return [str(p.id) for p in db.paginate(queries.preuves(current_user.id, "CP6"), per_page=30,
                                           error_out=False).items]


@plancher("preparation")
def _preparation(_args):
    # the evidence counts per competence the readiness page of the dossier starts from
    from cipdesk.dossier import queries

    return sorted(queries.preuves(db.session, current_user).items())


@bp.get("/contexte")
def contexte():
    """Ids the benchmark needs: a person of the user's perimeter with a diagnostic and a parcours."""
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.personnes.models import Personne
    from cipdesk.personnes.queries import file_partagee, restreindre

    requete = restreindre(select(Personne.id, Personne.nom_recherche, Parcours.id).join(
        Parcours, Parcours.personne_id == Personne.id), current_user, file_active_partagee=file_partagee(current_user))
    ligne = db.session.execute(requete.order_by(Personne.nom_recherche).limit(1)).first()
    if ligne is None:
        return jsonify({})
    return jsonify(personne=str(ligne[0]), recherche=ligne[1][:3], parcours=str(ligne[2]))


@bp.get("/<nom>")
def mesurer(nom: str):
    from flask import abort, request

    fonction = PLANCHERS.get(nom)
    if fonction is None:
        abort(404)
    lignes = fonction(request.args)
    return jsonify(lignes=lignes)


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
