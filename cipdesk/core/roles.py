"""The roles of a user: the vocabulary the security policy decides on.

It lives in the core (not in `comptes`) because the policy (`security/`) must be
able to name a role without importing a domain module; `comptes.models`
re-exports it."""
from __future__ import annotations

import enum


class Role(enum.StrEnum):
    CONSEILLER = "conseiller"
    CHEF_DE_SERVICE = "chef_de_service"
    ADMIN = "admin"

    @property
    def libelle(self) -> str:
        return ROLE_LIBELLES[self]


ROLE_LIBELLES = {
    Role.CONSEILLER: "Conseiller·ère en insertion professionnelle",
    Role.CHEF_DE_SERVICE: "Chef·fe de service",
    Role.ADMIN: "Administrateur·rice",
}
