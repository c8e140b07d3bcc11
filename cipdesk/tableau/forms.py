"""The one form of the tableau de bord: reassigning a person (point 7)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length


class ReaffectationForm(FlaskForm):
    conseiller = SelectField("Nouveau ou nouvelle référent·e", choices=[], validate_choice=False,
                             validators=[DataRequired("Choisissez le ou la conseiller·ère qui suivra la personne.")])
    motif = TextAreaField("Motif de la réaffectation",
                          description="Journalisé. Dites la raison d'organisation (charge, départ, secteur…), "
                                      "sans détail sur la situation de la personne.",
                          validators=[DataRequired("Indiquez le motif de la réaffectation (il est journalisé)."),
                                      Length(max=500, message="Le motif tient en 500 caractères au plus.")])
