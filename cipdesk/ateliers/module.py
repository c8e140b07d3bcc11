"""The ateliers module in the module contract (provisional, completed below)."""
from __future__ import annotations

from cipdesk.core.contrat import Module


def _module() -> Module:
    from cipdesk.ateliers import models  # noqa: F401

    return Module(code="ateliers", titre="Ateliers")


MODULE = _module()
