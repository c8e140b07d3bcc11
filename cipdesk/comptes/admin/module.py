"""Administration of the structure: accounts, teams, settings, keys, audit trail."""
from __future__ import annotations

from cipdesk.core.contrat import Module, TypeObjet


def _module() -> Module:
    from cipdesk.comptes.admin.routes import bp

    return Module(code="admin", titre="Administration", blueprints=(bp,),
                  objets=(TypeObjet("cle_donnees", "clé de données"),))


MODULE = _module()
