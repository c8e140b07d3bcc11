"""Choices of a form field fed by one of the structure's editable lists."""
from __future__ import annotations

from flask_login import current_user
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from cipdesk.parcours.forms import Formulaire
from cipdesk.parcours.listes import rules as listes
from cipdesk.web.formulaires import choix


def parametres() -> dict:
    return current_user.structure.parametres or {}


def choix_liste(liste: str, actuel: str | None = None, vide: str | None = None):
    """Active values; the current (possibly retired) value stays selectable on its record.
    `vide` puts an empty first option (« — choisir — »): nothing chosen for the user."""
    paires = listes.actives(parametres(), liste)
    if actuel and actuel not in {c for c, _l in paires}:
        paires.append((actuel, f"{listes.libelle(parametres(), liste, actuel) or actuel} (retiré)"))
    return choix(([("", vide)] if vide is not None else []) + paires)


class ListeForm(Formulaire):
    """One change to one list: add a value, retire one, or bring one back."""
    liste = StringField("Liste", validators=[DataRequired("Liste inconnue.")])
    libelle = StringField("Nouvelle valeur", validators=[Optional(), Length(max=120)])
    retirer = StringField(validators=[Optional(), Length(max=60)])
    retablir = StringField(validators=[Optional(), Length(max=60)])
