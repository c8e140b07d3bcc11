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


def matrices_des_modules() -> dict:
    """The rows every module declares in its own `tests/http/<module>/matrice.py` (every dict
    named `MATRICE_*`), merged: adding a module edits no shared test file (issue #9)."""
    import importlib
    import pkgutil

    import tests.http as paquet

    lignes: dict = {}
    for info in sorted(pkgutil.iter_modules(paquet.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.http.{info.name}.matrice")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.http.{info.name}.matrice":
                raise
            continue
        for nom in sorted(vars(module)):
            if nom.startswith("MATRICE_") and isinstance(getattr(module, nom), dict):
                lignes.update(getattr(module, nom))
    return lignes
