"""What the access matrix (tests/http/test_matrice_acces.py) and every module's rows
(tests/http/<module>/matrice.py) share: the roles tried, the expected answers, and the two
builders of rows. A module's matrice.py imports them, and only declares its rows."""
from __future__ import annotations

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def tous(valeur, **exceptions):
    """The expected answer per role: `valeur`, except the roles named."""
    return {role: exceptions.get(role, valeur) for role in ROLES}


def lignes(url, *methodes):
    """Rows (method, url builder, answers) for one URL pattern, `{placeholders}` from the objects."""
    return [(m, (lambda o, u=url: u.format(**o)), r) for m, r in methodes]
