from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectMultipleField
from wtforms.validators import InputRequired, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from cipdesk.employeurs.profils.rules import Horaire, Permis, ZoneMobilite
from cipdesk.web.formulaires import choix


def _cases(libelle: str, enum) -> SelectMultipleField:
    return SelectMultipleField(libelle, choices=choix(enum.choix()), validators=[Optional()],
                               widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())


class ProfilForm(FlaskForm):
    disponible_le = DateField("Disponible à partir du", validators=[InputRequired("Indiquez la date de disponibilité.")])
    permis = _cases("Permis et habilitations", Permis)
    vehicule = RadioField("Véhicule personnel", choices=choix([("oui", "Oui"), ("non", "Non")]),
                          validators=[InputRequired("Dites si la personne a un véhicule.")])
    zone_mobilite = RadioField("Jusqu'où la personne peut aller travailler", choices=choix(ZoneMobilite.choix()),
                               validators=[InputRequired("Dites jusqu'où la personne peut aller travailler.")])
    contraintes_horaires = _cases("Horaires que la personne ne peut pas assurer", Horaire)

    def donnees(self) -> dict:
        return {"disponible_le": self.disponible_le.data, "permis": list(self.permis.data or []),
                "vehicule": self.vehicule.data == "oui", "zone_mobilite": ZoneMobilite(self.zone_mobilite.data),
                "contraintes_horaires": list(self.contraintes_horaires.data or [])}
