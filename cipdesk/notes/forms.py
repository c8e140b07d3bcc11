from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from cipdesk.notes.services import LONGUEUR_MAX


class NoteForm(FlaskForm):
    contenu = TextAreaField(
        "Contenu de la note confidentielle",
        validators=[DataRequired("La note ne peut pas être vide."),
                    Length(max=LONGUEUR_MAX, message=f"{LONGUEUR_MAX} caractères au plus.")],
        description="Restez factuel·le : la personne peut demander à lire ce qui la concerne (RGPD).",
    )
    version = HiddenField()


class PartageForm(FlaskForm):
    # Nobody pre-selected (issue #10, point 13): sharing a note is a choice, never a default.
    collegue = SelectField("Partager avec", choices=[], validate_choice=False,
                           validators=[DataRequired("Choisissez le ou la collègue avec qui partager la note.")])
