"""Spreadsheets in and out (issue #19) in the module contract: one page listing the lists every
module declares (`Module.exportables`, `Module.importables`), the streamed XLSX / CSV exports,
the imports. It reads the other modules only through the registry."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Module
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.tableur.routes import bp

    return Module(
        code="tableur",
        titre="Tableurs",
        blueprints=(bp,),
        menu=(EntreeDeMenu("Tableurs", "tableur.index", policy.peut_exporter_listes, ordre=85,
                           actif=("tableur.",)),),
    )


MODULE = _module()
