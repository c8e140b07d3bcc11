"""The territoire rows of the access matrix (tests/http/test_matrice_acces.py): the territory
profile, the veille, the cartography and the team's references are shared by the structure's
conseillers and chefs (not the admin); the structure's profile is read by every professional,
the admin included, and edited by the admin or a chef; contacts of a partner are written by
the conseillers; one's reference is removed by oneself only; another structure: 404."""
from __future__ import annotations

from tests.http.matrice_commune import INTERDIT, INTROUVABLE, LOGIN, OK  # noqa: F401
from tests.http.matrice_commune import lignes as _l
from tests.http.matrice_commune import tous as _tous


PARTAGE = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
PARTAGE_OBJET = _tous(OK, anonyme=LOGIN, admin=INTERDIT, ailleurs=INTROUVABLE)
STRUCTURE_LIRE = _tous(OK, anonyme=LOGIN)
STRUCTURE_ECRIRE = _tous(INTERDIT, anonyme=LOGIN, chef=OK, admin=OK)
REPERTOIRE_ECRIRE = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT, ailleurs=INTROUVABLE)
SA_REFERENCE = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)


MATRICE_TERRITOIRE = {
    "territoire.index": _l("/territoire/", ("GET", PARTAGE)),
    "territoire.structure.voir": _l("/territoire/structure", ("GET", STRUCTURE_LIRE), ("POST", STRUCTURE_ECRIRE)),
    "territoire.profil.voir": _l("/territoire/profil", ("GET", PARTAGE), ("POST", PARTAGE)),
    "territoire.veille.liste": _l("/territoire/veille", ("GET", PARTAGE), ("POST", PARTAGE)),
    "territoire.veille.voir": _l("/territoire/veille/{fiche_veille}", ("GET", PARTAGE_OBJET), ("POST", PARTAGE_OBJET)),
    "territoire.veille.lier": _l("/territoire/veille/{fiche_veille}/liens", ("POST", PARTAGE_OBJET)),
    "territoire.reseau.cartographie": _l("/territoire/cartographie", ("GET", PARTAGE)),
    "territoire.reseau.equipe": _l("/territoire/equipe", ("GET", PARTAGE), ("POST", PARTAGE)),
    "territoire.reseau.retirer": _l("/territoire/equipe/{reference_equipe}/retrait", ("POST", SA_REFERENCE)),
    "territoire.partenaires.contact": _l("/accueil/partenaires/{partenaire}/contacts", ("POST", REPERTOIRE_ECRIRE)),
    "territoire.partenaires.retirer_contact": _l("/accueil/partenaires/contacts/{contact_partenaire}/retrait",
                                                 ("POST", REPERTOIRE_ECRIRE)),
}
