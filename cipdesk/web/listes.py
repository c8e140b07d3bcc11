"""Choices of a form field fed by one of the structure's editable lists (core/listes.py)."""
from __future__ import annotations

from flask_login import current_user

from cipdesk.core import listes
from cipdesk.core.db import db
from cipdesk.web.formulaires import choix


def choix_liste(liste: str, actuel: str | None = None, vide: str | None = None):
    """Active values; the current (possibly retired) value stays selectable on its record.
    `vide` puts an empty first option (« — choisir — »): nothing chosen for the user."""
    valeurs = listes.valeurs(db.session, current_user.structure_id, liste)
    paires = listes.actives(valeurs)
    if actuel and actuel not in {c for c, _l in paires}:
        paires.append((actuel, f"{listes.libelle(valeurs, actuel) or actuel} (retiré)"))
    return choix(([("", vide)] if vide is not None else []) + paires)
