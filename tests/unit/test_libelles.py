"""Every enum of cipdesk is on the shared label mechanism (core.libelles.EnumLibelle):
a code stored, a French label shown, one way to list the choices (issue #9, point 5)."""
from __future__ import annotations

import enum
import importlib
import pkgutil

import cipdesk
from cipdesk.core.libelles import EnumLibelle

# Enums that are not shown to users, with the reason.
TECHNIQUES: dict[str, str] = {}


def _enums():
    for info in pkgutil.walk_packages(cipdesk.__path__, "cipdesk."):
        if info.name.endswith((".wsgi", ".cli")) or ".migrations" in info.name:
            continue
        module = importlib.import_module(info.name)
        for valeur in vars(module).values():
            if isinstance(valeur, type) and issubclass(valeur, enum.Enum) and valeur.__module__ == info.name:
                yield valeur


def test_chaque_enumeration_a_ses_libelles_francais():
    hors_mecanisme, sans_libelle = [], []
    for e in _enums():
        if e.__name__ in TECHNIQUES:
            continue
        if not issubclass(e, EnumLibelle):
            hors_mecanisme.append(f"{e.__module__}.{e.__name__}")
            continue
        sans_libelle += [f"{e.__name__}.{m.name}" for m in e if m.value not in getattr(e, "LIBELLES", {})]
    assert not hors_mecanisme, hors_mecanisme
    assert not sans_libelle, sans_libelle
