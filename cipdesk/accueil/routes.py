"""The accueil & diagnostic partagé blueprint: one parent `accueil` (URL prefix
/accueil) and one nested blueprint per sub-package (endpoints
`accueil.<sous-paquet>.<vue>`). The person's pages and the caseload live in
`personnes/`, the partners in `territoire/partenaires/`."""
from __future__ import annotations

from flask import Blueprint

from cipdesk.accueil.accueils.routes import bp as accueils
from cipdesk.accueil.diagnostic.routes import bp as diagnostic
from cipdesk.accueil.orientation.routes import bp as orientation
from cipdesk.accueil.reunions.routes import bp as reunions
from cipdesk.accueil.synthese.routes import bp as synthese

bp = Blueprint("accueil", __name__, url_prefix="/accueil")
for _enfant in (accueils, diagnostic, synthese, orientation, reunions):
    bp.register_blueprint(_enfant)
