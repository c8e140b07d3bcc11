"""The « Ma pratique » rows of the access matrix (tests/http/test_matrice_acces.py): an analysis
is its author's alone (like a confidential note); an incident is seen by its author and the chef
de service of their team; the team's page and the alerts are the chef's; another structure: 404."""
from __future__ import annotations

from tests.http.matrice_commune import INTERDIT, INTROUVABLE, LOGIN, OK  # noqa: F401
from tests.http.matrice_commune import lignes as _l
from tests.http.matrice_commune import tous as _tous


CONSEILLERS = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
PROFESSIONNELS = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
AUTEUR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)
AUTEUR_ET_CHEF = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
CHEF = _tous(INTERDIT, anonyme=LOGIN, chef=OK)
CHEF_DE_L_EQUIPE = _tous(INTERDIT, anonyme=LOGIN, chef=OK, ailleurs=INTROUVABLE)


MATRICE_PRATIQUE = {
    "pratique.index": _l("/pratique/", ("GET", PROFESSIONNELS)),
    "pratique.analyses.nouvelle": _l("/pratique/analyses/nouvelle", ("GET", CONSEILLERS), ("POST", CONSEILLERS)),
    "pratique.analyses.voir": _l("/pratique/analyses/{analyse}", ("GET", AUTEUR)),
    "pratique.analyses.modifier": _l("/pratique/analyses/{analyse}/modifier", ("GET", AUTEUR), ("POST", AUTEUR)),
    "pratique.analyses.partager_tuteur": _l("/pratique/analyses/{analyse}/tuteur", ("POST", AUTEUR)),
    "pratique.analyses.retirer_tuteur": _l("/pratique/analyses/{analyse}/tuteur/retrait", ("POST", AUTEUR)),
    "pratique.analyses.partager_seance": _l("/pratique/analyses/{analyse}/seance", ("POST", AUTEUR)),
    "pratique.analyses.retirer_seance": _l("/pratique/analyses/{analyse}/seance/retrait", ("POST", AUTEUR)),
    "pratique.analyses.seances": _l("/pratique/seances/", ("GET", CONSEILLERS), ("POST", CONSEILLERS)),
    "pratique.analyses.seance": _l("/pratique/seances/{seance}", ("GET", AUTEUR)),
    "pratique.prevention.index": _l("/pratique/prevention/", ("GET", CONSEILLERS)),
    "pratique.prevention.alerter": _l("/pratique/prevention/alerter", ("POST", CONSEILLERS)),
    "pratique.prevention.incident_nouveau": _l("/pratique/prevention/incidents/nouveau", ("GET", CONSEILLERS),
                                               ("POST", CONSEILLERS)),
    "pratique.prevention.incident": _l("/pratique/prevention/incidents/{incident}", ("GET", AUTEUR_ET_CHEF)),
    "pratique.prevention.equipe": _l("/pratique/prevention/equipe", ("GET", CHEF)),
    "pratique.prevention.prendre_en_compte": _l("/pratique/prevention/alertes/{alerte}/prise-en-compte",
                                                ("POST", CHEF_DE_L_EQUIPE)),
}
