from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectMultipleField, TextAreaField
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.web.formulaires import choix

_OUI_NON = [("oui", "Oui"), ("non", "Non")]


class PointForm(FlaskForm):
    fait_le = DateField("Fait le", validators=[InputRequired("Indiquez la date du point.")])
    avis_personne = TextAreaField("Ce que dit la personne", validators=[
        DataRequired("Notez le point de vue de la personne."), Length(max=4000)])
    avis_employeur = TextAreaField("Ce que dit l'employeur", validators=[Optional(), Length(max=4000)])
    difficultes = TextAreaField("Difficultés (avec les mots de la personne)", validators=[Optional(), Length(max=4000)])
    toujours_en_poste = RadioField("Toujours en poste", choices=choix(_OUI_NON),
                                   validators=[InputRequired("Dites si la personne est toujours en poste.")])
    risque_rupture = RadioField("Risque de rupture", choices=choix(_OUI_NON),
                                validators=[InputRequired("Dites s'il y a un risque de rupture.")])

    def donnees(self) -> dict:
        return {"fait_le": self.fait_le.data, "avis_personne": self.avis_personne.data,
                "avis_employeur": self.avis_employeur.data or "", "difficultes": self.difficultes.data or "",
                "toujours_en_poste": self.toujours_en_poste.data == "oui",
                "risque_rupture": self.risque_rupture.data == "oui"}


class CalendrierForm(FlaskForm):
    """The structure's follow-up calendar (issue #14 point 3): one checkbox per milestone."""
    jalons = SelectMultipleField("Points de suivi planifiés à chaque embauche", choices=[],
                                 validate_choice=False, widget=ListWidget(prefix_label=False),
                                 option_widget=CheckboxInput())
