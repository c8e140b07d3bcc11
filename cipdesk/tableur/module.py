"""Spreadsheets in and out (issue #19) in the module contract: one page listing the lists every
module declares (`Module.exportables`, `Module.importables`), the streamed XLSX / CSV exports,
the imports. It reads the other modules only through the registry."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Lisible, Module, RegleDAcces, TypeObjet
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.tableur import chiffres
    from cipdesk.tableur.commandes import tableur
    from cipdesk.tableur.demo import remplir_tableur
    from cipdesk.tableur.models import ImportTableur
    from cipdesk.tableur.routes import bp

    return Module(
        code="tableur",
        titre="Tableurs",
        blueprints=(bp,),
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        # The page of exports: the professionals of the structure (each list then asks its own
        # question, in the reader's perimeter) and the admin (the audit log).
        acces=(RegleDAcces("tableur.exporter", (Role.CONSEILLER, Role.CHEF_DE_SERVICE, Role.ADMIN),
                           "ouvrir la page des tableurs et exporter les listes que chacune permet"),),
        menu=(EntreeDeMenu("Tableurs", "tableur.index", policy.permission("tableur.exporter"), ordre=85,
                           actif=("tableur.",)),),
        objets=(TypeObjet("import_tableur", "import d'un tableur", "tableur.voir", "import_id"),),
        # An import is its author's: the rows of the file are theirs to decide on.
        lisibles=(Lisible(ImportTableur, lambda session, u, imp, modifier: imp.auteur_id == u.id,
                          audit="import_tableur"),),
        demo=remplir_tableur,
        commandes=(tableur,),
    )


MODULE = _module()
