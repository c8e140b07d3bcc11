"""« Référentiel » pages: the REAC and RC of the titre CIP, shown from data."""
from __future__ import annotations

from flask import Blueprint, abort, request

from cipdesk.referentiel import REFERENTIEL_PAR_DEFAUT, REFERENTIELS
from cipdesk.web.rendu import rendre

bp = Blueprint("referentiel", __name__, url_prefix="/referentiel")


def _referentiel():
    code = request.args.get("version", REFERENTIEL_PAR_DEFAUT)
    if code not in REFERENTIELS:
        abort(404)
    return REFERENTIELS[code]


@bp.get("/")
def index():
    return rendre("referentiel/index.html", ref=_referentiel(), referentiels=REFERENTIELS.values())


@bp.get("/competences/<code>")
def competence(code: str):
    ref = _referentiel()
    try:
        comp = ref.competence(code.upper())
    except KeyError:
        abort(404)
    parties = [p for p in ref.dossier_titre().parties if comp.code in p.competences]
    return rendre("referentiel/competence.html", ref=ref, comp=comp, parties=parties,
                  referentiels=REFERENTIELS.values())


@bp.get("/dossier")
def dossier():
    return rendre("referentiel/dossier.html", ref=_referentiel(), referentiels=REFERENTIELS.values())
