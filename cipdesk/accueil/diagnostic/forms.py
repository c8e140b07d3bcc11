"""Forms of the diagnostic partagé."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import FieldList, Form, FormField, HiddenField, SelectField
from wtforms.validators import InputRequired

from cipdesk.accueil.diagnostic.models import ModeValidation
from cipdesk.web.champs import DateFr, ligne, texte
from cipdesk.web.formulaires import avec_vide


class DimensionForm(Form):
    code = HiddenField()
    situation = texte("Situation", longueur=3000)
    atouts = texte("Atouts", longueur=3000)
    atout_niveau = SelectField("Niveau d'atout", choices=[], validate_choice=False, default="0")
    freins = texte("Freins", longueur=3000)
    frein_niveau = SelectField("Niveau de frein", choices=[], validate_choice=False, default="0")
    besoins = texte("Besoins", longueur=3000)


class DiagnosticForm(FlaskForm):
    date_diagnostic = DateFr("Date de l'entretien de diagnostic",
                             validators=[InputRequired("La date du diagnostic est obligatoire.")])
    dimensions = FieldList(FormField(DimensionForm))
    hypotheses = texte("Hypothèses de solution", longueur=5000,
                       description="Pistes envisagées ensemble, à vérifier avec la personne.")
    paroles_personne = texte("Ce que dit la personne", longueur=5000,
                             description="Ses mots : comment elle voit sa situation et ce qu'elle souhaite.")
    version = HiddenField()


class NouvelleVersionForm(FlaskForm):
    date_diagnostic = DateFr("Date de l'entretien de diagnostic",
                             validators=[InputRequired("La date du diagnostic est obligatoire.")])


class ValidationForm(FlaskForm):
    valide_le = DateFr("Date de la validation par la personne",
                       validators=[InputRequired("La date de validation est obligatoire.")])
    validation_mode = SelectField("Comment l'accord a été obtenu", choices=[], validate_choice=False)
    validation_precisions = ligne("Précisions", longueur=500)

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.validation_mode.choices = avec_vide((m.value, m.libelle) for m in ModeValidation)
