"""Form of the territory profile: the text fields and a list of figure rows (blank rows are ignored)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, HiddenField, SelectField, StringField
from wtforms.validators import Length, Optional

from cipdesk.territoire.profil.rules import THEMES
from cipdesk.web.champs import DateFr, ligne, texte
from cipdesk.web.formulaires import avec_vide

LIGNES_VIDES = 3


class ChiffreForm(Form):
    theme = SelectField("Dimension", choices=avec_vide(THEMES.items()), validate_choice=False)
    libelle = StringField("Ce que mesure le chiffre", validators=[Optional(), Length(max=200)])
    valeur = StringField("Valeur", validators=[Optional(), Length(max=40)])
    unite = StringField("Unité", validators=[Optional(), Length(max=40)])
    source = StringField("Source", validators=[Optional(), Length(max=300)])
    date_source = DateFr("Date de la donnée", validators=[Optional()])
    demo = HiddenField()


class ProfilTerritoireForm(FlaskForm):
    """A FlaskForm (not `Formulaire`): a FieldList accepts no filters; NUL characters are
    refused before any form by web.saisie."""

    territoire = ligne("Territoire", requis=True, description="Exemple : bassin d'emploi de Lille, Pays d'Arles.")
    chiffres = FieldList(FormField(ChiffreForm), min_entries=LIGNES_VIDES)
    forces = texte("Forces (atouts socio-économiques)")
    faiblesses = texte("Faiblesses")
    ressources = texte("Ressources du territoire", description="Acteurs, équipements, dispositifs locaux.")
    motif = ligne("Ce que change cette version", longueur=300,
                  description="Exemple : chiffres du chômage actualisés (T2 2026).")
    version = HiddenField()
