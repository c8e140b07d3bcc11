"""One record of each kind a route can name, for the tests that walk every route."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

from tests.factories.notes import note

# The order the builders ran in before they were discovered (some read what an earlier one made
# through `monde`); a module not listed runs after them, in alphabetical order.
_ORDRE = ("accueil", "competences", "parcours", "comptes", "ateliers", "employeurs", "integration", "pratique",
          "territoire", "dossier", "agenda", "documents_joints", "tableur")


def _constructeurs() -> list:
    """Every `objets_<module>` of tests/factories/<module>.py: a new module's records are built
    without editing this file (issue #9). A builder taking a third argument receives what the
    others built (droits needs the person of accueil): those run last."""
    import tests.factories as paquet

    trouves = []
    for info in pkgutil.iter_modules(paquet.__path__):
        fonction = getattr(importlib.import_module(f"tests.factories.{info.name}"), f"objets_{info.name}", None)
        if callable(fonction):
            trouves.append((info.name, fonction))
    rang = {nom: i for i, nom in enumerate(_ORDRE)}
    return sorted(trouves, key=lambda t: (len(inspect.signature(t[1]).parameters) > 2,
                                          rang.get(t[0], len(_ORDRE)), t[0]))


def objets_de_tous_les_modules(ctx, monde, *, texte_de_la_note: str) -> dict:
    """Ids by placeholder name (`note`, `personne`, `parcours`…), every record owned by `monde.conseiller`."""
    objets = {"note": note(ctx, monde.conseiller, texte_de_la_note).id, "collegue": monde.collegue.id,
              "structure": monde.structure.id}
    for _nom, construire in _constructeurs():
        if len(inspect.signature(construire).parameters) > 2:
            objets.update(construire(ctx, monde, objets))
        else:
            objets.update(construire(ctx, monde))
    return objets
