"""Forms of the tablet questionnaire: opening a link (the moment is chosen, never
pre-selected) and the participant's answer (nothing pre-selected either)."""
from __future__ import annotations

from wtforms import RadioField, SelectField
from wtforms.validators import DataRequired

from cipdesk.ateliers.conception.forms import REQUIS, Formulaire, texte
from cipdesk.ateliers.evaluations.rules import NOTES_SATISFACTION, Moment
from cipdesk.web.formulaires import avec_vide, choix


class LienForm(Formulaire):
    moment = SelectField("Questionnaire", choices=avec_vide(Moment.choix()), validators=[DataRequired(REQUIS)])


class ReponseForm(Formulaire):
    note = RadioField("Dans l'ensemble, êtes-vous satisfait·e de cet atelier ?",
                      choices=choix((str(n), libelle) for n, libelle in NOTES_SATISFACTION.items()),
                      validators=[DataRequired("Choisissez une réponse.")])
    commentaire = texte("Ce que vous voulez ajouter (facultatif)", longueur=2000)
