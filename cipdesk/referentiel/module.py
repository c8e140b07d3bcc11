"""The REAC and RC of the titre CIP, shown from data."""
from __future__ import annotations

from cipdesk.core.contrat import Module


def _module() -> Module:
    from cipdesk.referentiel.routes import bp

    return Module(code="referentiel", titre="Référentiel", blueprints=(bp,))


MODULE = _module()
