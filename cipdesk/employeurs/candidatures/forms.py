from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from cipdesk.employeurs.candidatures.rules import MOTIFS_REFUS
from cipdesk.web.formulaires import avec_vide


class CandidatureForm(FlaskForm):
    personne_id = SelectField("Personne accompagnée", choices=[], validate_choice=False,
                              validators=[DataRequired("Choisissez la personne.")])
    le = DateField("Proposée le", validators=[InputRequired("Indiquez la date.")])
    commentaire = TextAreaField("Pourquoi cette candidature", validators=[Optional(), Length(max=2000)])


class TransitionForm(FlaskForm):
    vers = SelectField("Nouvelle étape", choices=[], validate_choice=False,
                       validators=[DataRequired("Choisissez la nouvelle étape.")])
    le = DateField("Le", validators=[InputRequired("Indiquez la date.")])
    motif_refus = SelectField("Motif du refus", choices=avec_vide(MOTIFS_REFUS.items()), validators=[Optional()])
    commentaire = TextAreaField("Commentaire", validators=[Optional(), Length(max=2000)])
    version = HiddenField()


class DelaiForm(FlaskForm):
    """The structure's delay before a candidature without an answer raises an alert (issue #13 point 7)."""
    delai = IntegerField("Jours sans réponse de l'employeur avant l'alerte de relance", validators=[
        InputRequired("Indiquez un nombre de jours."),
        NumberRange(1, 90, "Entre 1 et 90 jours (au double du délai, la candidature devient obsolète).")])
