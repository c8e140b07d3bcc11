"""The rows of the droits module in the access matrix (tests/http/test_matrice_acces.py): the
person's rights follow the person (the référent writes, the chef of the team reads); a note's
text in an export is its author's decision; the break-glass form is the chef's; the retention
list the chef's; the settings the admin's; the registre every professional's. Another structure: 404."""
from __future__ import annotations

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def _tous(valeur, **exceptions):
    return {role: exceptions.get(role, valeur) for role in ROLES}


VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
MODIFIER = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)
AUTEUR = MODIFIER
CHEF_DE_LA_STRUCTURE = _tous(INTERDIT, anonyme=LOGIN, chef=OK, ailleurs=INTROUVABLE)
CHEF = _tous(INTERDIT, anonyme=LOGIN, chef=OK)
ADMIN = _tous(INTERDIT, anonyme=LOGIN, admin=OK)
CONSEILLERS = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
CONNECTES = _tous(OK, anonyme=LOGIN)


def _l(url, *methodes):
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes]


MATRICE_DROITS = {
    "droits.personne": _l("/droits/personnes/{personne}", ("GET", VOIR)),
    "droits.notice": _l("/droits/personnes/{personne}/notice", ("POST", MODIFIER)),
    "droits.notice_pdf": _l("/droits/personnes/{personne}/notice.pdf", ("GET", VOIR)),
    "droits.nouvelle_demande": _l("/droits/personnes/{personne}/demandes", ("POST", MODIFIER)),
    "droits.demande": _l("/droits/demandes/{demande_acces}", ("GET", VOIR)),
    "droits.export": _l("/droits/demandes/{demande_acces}/export.json", ("GET", MODIFIER))
    + _l("/droits/demandes/{demande_acces}/export.pdf", ("GET", MODIFIER)),
    "droits.mes_decisions": _l("/droits/mes-notes", ("GET", CONSEILLERS)),
    "droits.decider": _l("/droits/demandes/{demande_acces}/notes/{note_droits}", ("POST", AUTEUR)),
    "droits.effacement": _l("/droits/personnes/{personne}/effacement", ("POST", MODIFIER)),
    "droits.acces_exceptionnel": _l("/droits/personnes/{personne}/acces-exceptionnel", ("GET", CHEF_DE_LA_STRUCTURE),
                                    ("POST", CHEF_DE_LA_STRUCTURE)),
    "droits.conservation": _l("/droits/conservation", ("GET", CHEF)),
    "droits.reglages": _l("/droits/reglages", ("GET", ADMIN), ("POST", ADMIN)),
    "droits.registre_des_traitements": _l("/droits/registre", ("GET", CONNECTES)),
    "droits.registre_export": _l("/droits/registre.json", ("GET", CONNECTES)),
}
