from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional


class MediationForm(FlaskForm):
    le = DateField("Médiation du", validators=[InputRequired("Indiquez la date de la médiation.")])
    participants = TextAreaField("Qui (personne, employeur, tuteur·rice, autres acteurs)", validators=[
        DataRequired("Indiquez qui a participé."), Length(max=4000)])
    enjeu = TextAreaField("L'enjeu", validators=[DataRequired("Décrivez l'enjeu."), Length(max=4000)])
    actions = TextAreaField("Actions convenues", validators=[DataRequired("Notez les actions convenues."),
                                                              Length(max=4000)])
    issue = TextAreaField("Issue", validators=[Optional(), Length(max=4000)])

    def donnees(self) -> dict:
        return {c: getattr(self, c).data or "" for c in ("participants", "enjeu", "actions", "issue")} | {
            "le": self.le.data}
