"""The list of cipdesk's modules: the ONE place that names them all.

Adding a module = creating its package with a `module.py` that declares
`MODULE = Module(...)` (core/contrat.py), then one line below."""
from __future__ import annotations

from importlib import import_module

from cipdesk.core.contrat import Module, registre

MODULES = (
    "cipdesk.comptes",
    "cipdesk.comptes.admin",
    "cipdesk.referentiel",
    "cipdesk.personnes",
    "cipdesk.accueil",
    "cipdesk.territoire",
    "cipdesk.parcours",
    "cipdesk.notes",
    "cipdesk.competences",
    "cipdesk.ateliers",
    "cipdesk.employeurs",
    "cipdesk.integration",
    "cipdesk.pratique",
    "cipdesk.tableau",
    "cipdesk.dossier",
    "cipdesk.agenda",
    "cipdesk.documents_joints",
    "cipdesk.tableur",
    "cipdesk.droits",
)


def declarations() -> tuple[Module, ...]:
    return tuple(import_module(f"{paquet}.module").MODULE for paquet in MODULES)


def installer() -> tuple[Module, ...]:
    """Fill the registry from the declarations (create_app; unit tests without an app)."""
    modules = declarations()
    registre.installer(modules)
    return modules
