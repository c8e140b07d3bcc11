from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from cipdesk.competences.models import NiveauAutoEvaluation
from cipdesk.web.formulaires import choix


class AutoEvaluationForm(FlaskForm):
    niveau = SelectField("Où en êtes-vous ?", choices=choix((n.value, n.libelle) for n in NiveauAutoEvaluation))
    commentaire = TextAreaField("Commentaire (facultatif)", validators=[Optional(), Length(max=1000)],
                                description="Ce qui vous fait dire cela, ce qu'il vous reste à travailler.")
    evalue_le = DateField("Date", default=date.today, validators=[DataRequired("Indiquez la date.")])


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
