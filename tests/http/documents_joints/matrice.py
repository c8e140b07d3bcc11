"""Access matrix rows of issue #18: attached documents follow the person (the référent reads
and writes, the chef of the team reads; colleagues without shared caseloads, the admin: 403;
another structure: 404); the second factor's pages are one's own (another user's remembered
browser is not found); the steps after the password are public and lead back to the login
when no password was checked."""
from __future__ import annotations

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def _tous(valeur, **exceptions):
    return {role: exceptions.get(role, valeur) for role in ROLES}


VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
MODIFIER = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)
CONNECTES = _tous(OK, anonyme=LOGIN)
LE_SIEN = _tous(INTROUVABLE, anonyme=LOGIN, conseiller=OK)


def _l(url, *methodes):
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes]


MATRICE_SECOND_FACTEUR = {
    "comptes.code_second_facteur": _l("/connexion/second-facteur", ("GET", _tous(OK)), ("POST", _tous(OK))),
    "comptes.activation_a_la_connexion": _l("/connexion/second-facteur/activation", ("GET", _tous(OK)),
                                            ("POST", _tous(OK))),
    "comptes.second_facteur_page": _l("/compte/second-facteur", ("GET", CONNECTES)),
    "comptes.activer_second_facteur": _l("/compte/second-facteur/activation", ("GET", CONNECTES),
                                         ("POST", CONNECTES)),
    # before « retrait », which forgets every remembered browser
    "comptes.oublier_navigateur": _l("/compte/second-facteur/navigateurs/{navigateur}/oubli", ("POST", LE_SIEN)),
    "comptes.regenerer_codes_de_secours": _l("/compte/second-facteur/codes", ("POST", CONNECTES)),
    "comptes.retirer_second_facteur": _l("/compte/second-facteur/retrait", ("POST", CONNECTES)),
    "comptes.oublier_navigateurs": _l("/compte/second-facteur/navigateurs/oubli", ("POST", CONNECTES)),
}

MATRICE_DOCUMENTS_JOINTS = {
    "documents_joints.personne": _l("/documents-joints/personne/{personne}", ("GET", VOIR)),
    "documents_joints.deposer": _l("/documents-joints/personne/{personne}", ("POST", MODIFIER)),
    "documents_joints.voir": _l("/documents-joints/{document_joint}", ("GET", VOIR)),
    # last: the conseiller deletes the document
    "documents_joints.supprimer": _l("/documents-joints/{document_joint}/suppression", ("POST", MODIFIER)),
}

ADMIN_SEUL = _tous(INTERDIT, anonyme=LOGIN, admin=OK)
MATRICE_SECOND_FACTEUR.update({
    "admin.second_facteur": _l("/admin/second-facteur", ("GET", ADMIN_SEUL), ("POST", ADMIN_SEUL)),
    "admin.retirer_second_facteur": _l("/admin/utilisateurs/{collegue}/second-facteur/retrait",
                                       ("POST", ADMIN_SEUL)),
})
