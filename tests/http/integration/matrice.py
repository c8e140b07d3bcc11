"""The Intégration rows of the access matrix (tests/http/test_matrice_acces.py): the
overview for the structure's conseillers and chefs; a follow-up as for its person
(the référent writes, the chef of the team reads, colleagues and admin refused,
another structure 404)."""
from __future__ import annotations

from tests.http.matrice_commune import INTERDIT, INTROUVABLE, LOGIN, OK  # noqa: F401
from tests.http.matrice_commune import lignes as _l
from tests.http.matrice_commune import tous as _tous


LISTE = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
CREER = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
ADMIN = _tous(INTERDIT, anonyme=LOGIN, admin=OK)
ECRIRE = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)


MATRICE_INTEGRATION = {
    "integration.index": _l("/integration/", ("GET", LISTE)),
    "integration.suivis.nouveau": _l("/integration/suivis/nouveau", ("GET", CREER), ("POST", CREER)),
    "integration.suivis.voir": _l("/integration/suivis/{suivi_integration}", ("GET", VOIR)),
    "integration.suivis.accord_pdf": _l("/integration/suivis/{suivi_integration}/accord.pdf", ("GET", VOIR)),
    "integration.suivis.mediation": _l("/integration/suivis/{suivi_integration}/mediation", ("POST", ECRIRE)),
    "integration.suivis.bilan": _l("/integration/suivis/{suivi_integration}/bilan", ("POST", ECRIRE)),
    "integration.suivis.cadre": _l("/integration/suivis/{suivi_integration}/cadre", ("POST", ECRIRE)),
    "integration.points.enregistrer": _l("/integration/points/{point_integration}", ("POST", ECRIRE)),
    "integration.points.calendrier": _l("/integration/points/calendrier", ("GET", ADMIN), ("POST", ADMIN)),
    "integration.points.apres_sortie": _l("/integration/points/{point_integration}/apres-sortie", ("POST", ECRIRE)),
}
