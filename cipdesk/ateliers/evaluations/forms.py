"""Forms of the evaluations: per-objective results are read per objective; satisfaction à chaud."""
from __future__ import annotations

from wtforms import SelectField

from cipdesk.ateliers.conception.forms import REQUIS, Formulaire, texte
from cipdesk.ateliers.evaluations.rules import NOTES_SATISFACTION, Moment
from cipdesk.web.formulaires import avec_vide
from wtforms.validators import DataRequired


class EvaluationForm(Formulaire):
    """The results are read per objective (`resultat-<id>`, `commentaire-<id>`)."""


class SatisfactionForm(Formulaire):
    moment = SelectField("Questionnaire", choices=avec_vide(Moment.choix()), validators=[DataRequired(REQUIS)])
    note = SelectField("Satisfaction globale", choices=avec_vide(NOTES_SATISFACTION.items()),
                       validators=[DataRequired(REQUIS)])
    commentaire = texte("Commentaire du participant", longueur=2000)
