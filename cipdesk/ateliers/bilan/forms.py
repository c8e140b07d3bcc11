from __future__ import annotations

from wtforms import HiddenField

from cipdesk.ateliers.conception.forms import Formulaire, texte


class BilanForm(Formulaire):
    version = HiddenField()
    ecarts = texte("Écarts avec ce qui était prévu", description="Déroulement, participation, contenus, timing.")
    ajustements = texte("Ajustements pour la prochaine édition")
