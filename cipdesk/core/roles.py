"""The roles of a user: the vocabulary the security policy decides on.

It lives in the core (not in `comptes`) because the policy (`security/`) must be
able to name a role without importing a domain module; `comptes.models`
re-exports it."""
from __future__ import annotations

from cipdesk.core.libelles import EnumLibelle


class Role(EnumLibelle):
    CONSEILLER = "conseiller"
    CHEF_DE_SERVICE = "chef_de_service"
    ADMIN = "admin"


ROLE_LIBELLES = {
    Role.CONSEILLER: "Conseiller·ère en insertion professionnelle",
    Role.CHEF_DE_SERVICE: "Chef·fe de service",
    Role.ADMIN: "Administrateur·rice",
}
Role.LIBELLES = {role.value: libelle for role, libelle in ROLE_LIBELLES.items()}
