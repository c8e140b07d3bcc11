"""The agenda's rows of the access matrix (tests/http/test_matrice_acces.py): the week and
planning for the conseillers; a rendez-vous seen by its conseiller and by whoever sees the
person (the chef of the team), written by its conseiller only; the feed's secret address
opens for anyone who holds it; the settings for the admin. Also the « mot de passe
oublié » pages (public; an unknown link is not found)."""
from __future__ import annotations

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def _tous(valeur, **exceptions):
    return {role: exceptions.get(role, valeur) for role in ROLES}


CONSEILLERS = _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)
VOIR = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, chef=OK, ailleurs=INTROUVABLE)
ECRIRE = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)
ADMIN = _tous(INTERDIT, anonyme=LOGIN, admin=OK)


def _l(url, *methodes):
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes]


MATRICE_AGENDA = {
    "agenda.semaine": _l("/agenda/", ("GET", CONSEILLERS)),
    "agenda.nouveau": _l("/agenda/nouveau", ("GET", CONSEILLERS), ("POST", CONSEILLERS)),
    "agenda.voir": _l("/agenda/{rendez_vous}", ("GET", VOIR)),
    "agenda.lettre": _l("/agenda/{rendez_vous}/convocation.pdf", ("GET", VOIR)),
    "agenda.modifier": _l("/agenda/{rendez_vous}/modifier", ("GET", ECRIRE), ("POST", ECRIRE)),
    "agenda.presence": _l("/agenda/{rendez_vous}/presence", ("POST", ECRIRE)),
    "agenda.convoquer": _l("/agenda/{rendez_vous}/convocation", ("POST", ECRIRE)),
    "agenda.de_la_personne": _l("/agenda/personnes/{personne_agenda}", ("GET", VOIR)),
    "agenda.consentement": _l("/agenda/personnes/{personne_agenda}/consentement", ("POST", ECRIRE)),
    "agenda.ics": _l("/agenda/ics/{jeton_flux}.ics", ("GET", _tous(OK))),
    "agenda.reglages": _l("/agenda/reglages", ("GET", ADMIN), ("POST", ADMIN)),
    "comptes.mot_de_passe_oublie": _l("/mot-de-passe-oublie", ("GET", _tous(OK)), ("POST", _tous(OK))),
    "comptes.reinitialiser": _l("/mot-de-passe-oublie/lien-inconnu-0000", ("GET", _tous(INTROUVABLE)),
                                ("POST", _tous(INTROUVABLE))),
    # last: they change the feed and the rendez-vous the rows above use
    "agenda.flux": _l("/agenda/flux", ("GET", CONSEILLERS), ("POST", CONSEILLERS)),
    "agenda.revoquer_flux": _l("/agenda/flux/revocation", ("POST", CONSEILLERS)),
    "agenda.annuler": _l("/agenda/{rendez_vous}/annulation", ("POST", ECRIRE)),
}
