from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired
from wtforms.widgets import CheckboxInput, ListWidget


class ChoixCasForm(FlaskForm):
    # Nothing pre-selected: the case is the candidat's choice (issue #10, point 13).
    cas = SelectMultipleField("Cas retenu(s)", choices=[], validate_choice=False,
                              option_widget=CheckboxInput(), widget=ListWidget(prefix_label=False))


class TexteForm(FlaskForm):
    champ = HiddenField(validators=[DataRequired()])
    texte = TextAreaField("Texte")


class BlocForm(FlaskForm):
    cle = HiddenField(validators=[DataRequired()])
    action = StringField(validators=[DataRequired()])


class CoupeForm(FlaskForm):
    cle = HiddenField(validators=[DataRequired()])
    texte = TextAreaField("Version raccourcie")


class RelectureForm(FlaskForm):
    # Nobody pre-selected: the candidat chooses who reviews.
    relecteur = SelectField("Relecteur ou relectrice", choices=[], validate_choice=False,
                            validators=[DataRequired("Choisissez qui relira cette partie.")])


class CommentaireForm(FlaskForm):
    commentaire = TextAreaField("Votre commentaire sur cette partie",
                                validators=[DataRequired("Écrivez votre commentaire.")])
    version = HiddenField()   # optimistic lock: a comment saved meanwhile is never overwritten


class SubstitutionForm(FlaskForm):
    original = HiddenField(validators=[DataRequired()])
    action = HiddenField(validators=[DataRequired()])
    remplacement = StringField("Remplacer par")


class RattachementForm(FlaskForm):
    # Nobody pre-selected: the chef de service chooses both.
    accompagnateur = SelectField("Accompagnateur·rice de la VAE collective", choices=[], validate_choice=False,
                                 validators=[DataRequired("Choisissez l'accompagnateur·rice.")])
    candidat = SelectField("Candidat·e", choices=[], validate_choice=False,
                           validators=[DataRequired("Choisissez le ou la candidat·e.")])
    groupe = StringField("Groupe (facultatif)")
