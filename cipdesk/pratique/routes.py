"""The « Pratique professionnelle » section: analyses de pratique (REAC CP11) and prevention
of professional risks (compétence transversale). The parent blueprint `/pratique/`."""
from __future__ import annotations

from flask import Blueprint
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.pratique.analyses import queries as analyses
from cipdesk.pratique.analyses.models import AnalysePratique
from cipdesk.pratique.prevention import queries as prevention
from cipdesk.pratique.prevention import rules as regles_prevention
from cipdesk.security import policy
from cipdesk.web.rendu import rendre

bp = Blueprint("pratique", __name__, url_prefix="/pratique")


@bp.get("/")
def index():
    """My analyses (titles decrypted for their author only), those shared with me, my groups."""
    policy.exiger(policy.peut(current_user, "pratique.analyser") or policy.peut(current_user, "pratique.prevention_equipe"))
    mes_analyses: list[AnalysePratique] = list(reversed(analyses.analyses_de(db.session, current_user.id)))
    charge = (prevention.charge_de_travail(db.session, current_user, aujourdhui())
              if policy.peut(current_user, "pratique.analyser") else None)
    return rendre("pratique/index.html", analyses=mes_analyses,
                  partagees=analyses.analyses_partagees_avec(db.session, current_user),
                  seances=analyses.seances_de(db.session, current_user), libelle_cible=analyses.libelle_cible,
                  signaux=regles_prevention.signaux(charge) if charge else [],
                  chef=policy.peut(current_user, "pratique.prevention_equipe"))
