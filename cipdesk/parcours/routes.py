"""The parcours blueprint: one parent (`/parcours`) with a nested blueprint per
sub-entity; endpoints are `parcours.<sub>.<view>`."""
from __future__ import annotations

from flask import Blueprint

from cipdesk.parcours import page  # noqa: F401  (registers the parcours page on the contract's blueprint)
from cipdesk.parcours.contrat.routes import bp as contrat
from cipdesk.parcours.entretiens.routes import bp as entretiens
from cipdesk.parcours.etapes.routes import bp as etapes
from cipdesk.parcours.projet.routes import bp as projet
from cipdesk.parcours.sortie.routes import bp as sortie

bp = Blueprint("parcours", __name__, url_prefix="/parcours")
for enfant in (contrat, etapes, entretiens, projet, sortie):
    bp.register_blueprint(enfant)
