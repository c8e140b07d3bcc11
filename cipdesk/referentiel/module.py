"""The REAC and RC of the titre CIP, shown from data."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Module


def _module() -> Module:
    from cipdesk.referentiel.routes import bp

    return Module(code="referentiel", titre="Référentiel", blueprints=(bp,),
                  menu=(EntreeDeMenu("Référentiel", "referentiel.index", lambda u: True, ordre=80,
                                     actif=("referentiel.",)),))


MODULE = _module()
