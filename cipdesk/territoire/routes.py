"""The territoire blueprint: one parent `territoire` with its overview page (/territoire/),
one nested blueprint per sub-package (endpoints `territoire.<sous-paquet>.<vue>`)."""
from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.territoire.partenaires import queries as partenaires_q
from cipdesk.territoire.partenaires import rules as partenaires_r
from cipdesk.territoire.partenaires.routes import bp as partenaires
from cipdesk.territoire.profil import queries as profil_q
from cipdesk.territoire.profil.routes import bp as profil
from cipdesk.territoire.reseau.routes import bp as reseau
from cipdesk.territoire.structure.routes import bp as structure
from cipdesk.territoire.veille import queries as veille_q
from cipdesk.territoire.veille.routes import bp as veille
from cipdesk.web.rendu import rendre

bp = Blueprint("territoire", __name__)
for enfant in (partenaires, structure, profil, veille, reseau):
    bp.register_blueprint(enfant)


@bp.get("/territoire/")
def index():
    """Overview: the current territory profile, and the reminders (veille past its date,
    partner fiches not checked for a year)."""
    policy.exiger(policy.peut(current_user, "territoire.voir"))
    structure_id = current_user.structure_id
    return rendre("territoire/index.html", courante=profil_q.courante(db.session, structure_id),
                  echues=veille_q.echues(db.session, structure_id, aujourdhui()),
                  a_verifier=[p for p in partenaires_q.repertoire(db.session, structure_id)
                              if p.actif and partenaires_r.a_verifier(p.verifie_le, aujourdhui())])
