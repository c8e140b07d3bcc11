from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.employeurs.interactions.rules import NatureInteraction
from cipdesk.web.formulaires import avec_vide


class InteractionForm(FlaskForm):
    nature = SelectField("Type d'échange", choices=avec_vide(NatureInteraction.choix()),
                         validators=[DataRequired("Choisissez le type d'échange.")])
    le = DateField("Date de l'échange", validators=[InputRequired("Indiquez la date de l'échange.")])
    contact_id = SelectField("Avec", choices=[], validators=[Optional()], validate_choice=False)
    objet = StringField("Objet", validators=[DataRequired("Indiquez l'objet de l'échange."), Length(max=200)])
    compte_rendu = TextAreaField("Ce qui s'est dit", validators=[Optional(), Length(max=8000)])
    prochaine_action = StringField("Prochaine action", validators=[Optional(), Length(max=300)])
    echeance = DateField("Échéance de la prochaine action", validators=[Optional()])


class ActionFaiteForm(FlaskForm):
    le = DateField("Faite le", validators=[InputRequired("Indiquez la date.")])
