"""The territoire blueprint: one parent `territoire`, one nested blueprint per
sub-package (endpoints `territoire.<sous-paquet>.<vue>`)."""
from __future__ import annotations

from flask import Blueprint

from cipdesk.territoire.partenaires.routes import bp as partenaires

bp = Blueprint("territoire", __name__)
bp.register_blueprint(partenaires)
