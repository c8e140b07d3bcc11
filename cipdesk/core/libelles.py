"""Enumerations of the domain: an English-free code stored in the database and
a French label shown to users (STYLE.md « Enums »). Labels are attached after
the class, `MonEnum.LIBELLES = {code: libellé}`; a code without a label (a
value retired from a list) stays readable as itself."""
from __future__ import annotations

import enum

from sqlalchemy import Enum


class EnumLibelle(enum.StrEnum):
    @property
    def libelle(self) -> str:
        return type(self).LIBELLES.get(self.value, self.value)  # type: ignore[attr-defined]

    @classmethod
    def choix(cls) -> list[tuple[str, str]]:
        return [(m.value, m.libelle) for m in cls]


def colonne_enum(e: type[enum.Enum], longueur: int = 30) -> Enum:
    """A portable enum column: stored as its code in a VARCHAR (no native type,
    so adding a value needs no migration)."""
    return Enum(e, native_enum=False, length=longueur, values_callable=lambda x: [m.value for m in x])
