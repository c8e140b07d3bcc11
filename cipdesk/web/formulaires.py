"""Small helpers for WTForms."""
from __future__ import annotations

from collections.abc import Iterable

from wtforms.fields.choices import SelectChoice


def choix(paires: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """(value, label) pairs as the option objects WTForms expects."""
    return [SelectChoice(str(valeur), libelle) for valeur, libelle in paires]
