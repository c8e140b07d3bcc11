"""The Tableurs rows of the access matrix (tests/http/test_matrice_acces.py): the page for the
professionals of the structure and its admin; each list asks its own question (the file active:
conseillers and chefs, in their perimeter; the audit log: the admin)."""
from __future__ import annotations

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def _tous(valeur, **exceptions):
    return {role: exceptions.get(role, valeur) for role in ROLES}


def _l(url, *methodes):
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes]


PAGE = _tous(OK, anonyme=LOGIN)
FILE_ACTIVE = _tous(OK, anonyme=LOGIN, admin=INTERDIT)
ADMIN = _tous(INTERDIT, anonyme=LOGIN, admin=OK)
CONSEILLERS = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
# An import is its author's (the conseiller's): colleagues refused, another structure 404.
AUTEUR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)

MATRICE_TABLEUR = {
    "tableur.index": _l("/tableur/", ("GET", PAGE)),
    "tableur.exporter": (_l("/tableur/exports/file_active.xlsx", ("GET", FILE_ACTIVE))
                         + _l("/tableur/exports/entretiens.csv", ("GET", FILE_ACTIVE))
                         + _l("/tableur/exports/partenaires.xlsx", ("GET", FILE_ACTIVE))
                         + _l("/tableur/exports/journal_audit.csv", ("GET", ADMIN))
                         + _l("/tableur/exports/inconnue.csv", ("GET", _tous(INTROUVABLE, anonyme=LOGIN)))),
    "tableur.deposer": (_l("/tableur/imports/personnes/nouveau", ("GET", CONSEILLERS), ("POST", CONSEILLERS))
                        + _l("/tableur/imports/partenaires/nouveau", ("GET", CONSEILLERS), ("POST", CONSEILLERS))),
    "tableur.voir": _l("/tableur/imports/{import_tableur}", ("GET", AUTEUR), ("POST", AUTEUR)),
    "tableur.progression": _l("/tableur/imports/{import_tableur}/progression", ("GET", AUTEUR)),
    "tableur.rapport": _l("/tableur/imports/{import_tableur}/rapport.xlsx", ("GET", AUTEUR)),
    "tableur.importer": _l("/tableur/imports/{import_tableur}/import", ("POST", AUTEUR)),
    "tableur.annuler": _l("/tableur/imports/{import_tableur}/annulation", ("POST", AUTEUR)),
}
