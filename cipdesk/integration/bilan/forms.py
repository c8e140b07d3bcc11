from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.integration.bilan.rules import CATEGORIES
from cipdesk.web.formulaires import avec_vide, choix


class BilanForm(FlaskForm):
    bilan_le = DateField("Bilan fait le", validators=[InputRequired("Indiquez la date du bilan.")])
    issue = RadioField("Issue de l'intégration", choices=choix([("termine", "Intégration réussie ou menée à son terme"),
                                                                ("rompu", "Contrat rompu")]),
                       validators=[InputRequired("Dites comment l'intégration s'est terminée.")])
    bilan_prevu = TextAreaField("Ce qui était prévu", validators=[DataRequired("Rappelez ce qui était prévu."),
                                                                   Length(max=4000)])
    bilan_realise = TextAreaField("Ce qui s'est passé", validators=[DataRequired("Décrivez ce qui s'est passé."),
                                                                     Length(max=4000)])
    situation_fin = TextAreaField("Situation de la personne à la fin", validators=[
        DataRequired("Décrivez la situation de la personne."), Length(max=4000)])
    leviers = TextAreaField("Ce qui a aidé, ce qui n'a pas aidé", validators=[Optional(), Length(max=4000)])
    categorie_sortie = SelectField("Catégorie de sortie (à confirmer)", choices=avec_vide(CATEGORIES.items()),
                                   validators=[DataRequired("Confirmez la catégorie de sortie.")])

    def donnees(self) -> dict:
        return {c: getattr(self, c).data or "" for c in ("bilan_prevu", "bilan_realise", "situation_fin", "leviers",
                                                          "categorie_sortie")} | {"bilan_le": self.bilan_le.data}
