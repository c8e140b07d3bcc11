from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional


class MesureForm(FlaskForm):
    code = HiddenField()
    libelle = StringField("Mesure ou contrat", validators=[DataRequired("Indiquez le nom de la mesure."),
                                                           Length(max=200)])
    eligibilite = TextAreaField("Conditions d'éligibilité", validators=[
        DataRequired("Indiquez les conditions d'éligibilité."), Length(max=4000)])
    source = StringField("Source de l'information", validators=[Optional(), Length(max=300)])
    verifiee_le = DateField("Information vérifiée le", validators=[
        InputRequired("Indiquez la date à laquelle l'information a été vérifiée.")])
    active = BooleanField("Proposée aux conseillers", default=True)

    def donnees(self) -> dict:
        return {"libelle": self.libelle.data or "", "eligibilite": self.eligibilite.data or "",
                "source": self.source.data or "", "verifiee_le": self.verifiee_le.data, "active": self.active.data}


class MobiliserForm(FlaskForm):
    code = SelectField("Mesure à mobiliser", choices=[], validate_choice=False,
                       validators=[DataRequired("Choisissez une mesure.")])
