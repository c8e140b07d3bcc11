from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from cipdesk.competences.models import NiveauAutoEvaluation
from cipdesk.web.formulaires import avec_vide


class AutoEvaluationForm(FlaskForm):
    # Feeds the coverage figures: nothing pre-selected (issue #10, point 13), the candidat chooses.
    niveau = SelectField("Où en êtes-vous ?", choices=avec_vide((n.value, n.libelle) for n in NiveauAutoEvaluation),
                         validate_choice=False,
                         validators=[DataRequired("Choisissez où vous en êtes pour cette compétence.")])
    commentaire = TextAreaField("Commentaire (facultatif)", validators=[Optional(), Length(max=1000)],
                                description="Ce qui vous fait dire cela, ce qu'il vous reste à travailler.")
    evalue_le = DateField("Date", default=date.today, validators=[DataRequired("Indiquez la date.")])

    def validate_niveau(self, field):
        if field.data not in {n.value for n in NiveauAutoEvaluation}:
            raise ValidationError("Choisissez un niveau dans la liste.")


class EtiquetageForm(FlaskForm):
    activite = SelectField("Activité enregistrée", choices=[], validate_choice=False)
    motif = StringField("Pourquoi cette activité prouve-t-elle la compétence ?",
                        validators=[DataRequired("Indiquez pourquoi cette activité prouve la compétence."),
                                    Length(max=500)])


class RetraitForm(FlaskForm):
    motif = StringField("Motif du retrait", validators=[
        DataRequired("Indiquez pourquoi vous retirez cette preuve."), Length(max=500)])


class PeriodeForm(FlaskForm):
    class Meta:
        csrf = False  # a GET filter

    du = DateField("Du", validators=[Optional()])
    au = DateField("Au", validators=[Optional()])


class ProfilCandidatForm(FlaskForm):
    referentiel = SelectField("Référentiel d'évaluation", choices=[])
    consentement_tuteur = BooleanField("J'accepte que mon tuteur ou ma tutrice consulte ma couverture de compétences")
