"""Form of the team's references."""
from __future__ import annotations

from wtforms import SelectField

from cipdesk.web.champs import Formulaire, ligne


class ReferenceForm(Formulaire):
    sujet = ligne("Dispositif, mesure ou domaine", requis=True)
    precision = ligne("Précision", longueur=300, description="Exemple : référente PLIE, formée au CEJ.")
    partenaire_id = SelectField("Partenaire associé (facultatif)", choices=[], validate_choice=False)
