"""Forms of the synthèse d'entretien."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField
from wtforms.validators import InputRequired

from cipdesk.accueil.synthese.models import ModePartage
from cipdesk.web.champs import DateFr, ligne, texte
from cipdesk.web.formulaires import avec_vide


class SyntheseForm(FlaskForm):
    date_entretien = DateFr("Date de l'entretien", validators=[InputRequired("La date de l'entretien est obligatoire.")])
    objet = ligne("Objet de l'entretien", requis=True)
    faits = texte("Faits", requis=True, description="Ce qui a été dit et constaté, sans interprétation.")
    paroles_personne = texte("Ce que dit la personne", description="Sa demande, ses souhaits, avec ses mots.")
    analyse = texte("Analyse du conseiller (opinion)",
                    description="Vos hypothèses et votre point de vue, présentés comme tels.")
    suites = texte("Suites convenues", description="Ce qui a été décidé ensemble, qui fait quoi, quand.")
    analyse_partagee = BooleanField("La personne accepte que l'analyse figure dans le document qui lui est remis")


class PartageSyntheseForm(FlaskForm):
    le = DateFr("Date de remise", validators=[InputRequired("La date de remise est obligatoire.")])
    mode = SelectField("Mode de remise", choices=[], validate_choice=False)

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.mode.choices = avec_vide((m.value, m.libelle) for m in ModePartage)
