"""Accounts, structures and teams: login, and the record kinds the audit names."""
from __future__ import annotations

from cipdesk.core.contrat import Module, TypeObjet


def _module() -> Module:
    from cipdesk.comptes import chiffres
    from cipdesk.comptes.routes import bp

    return Module(code="comptes", titre="Comptes", chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
                  blueprints=(bp,), objets=(
        TypeObjet("compte", "compte utilisateur"), TypeObjet("equipe", "équipe"),
        TypeObjet("structure", "structure"), TypeObjet("profil_candidat", "profil de candidat au titre")))


MODULE = _module()
