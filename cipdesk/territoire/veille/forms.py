"""Forms of the veille."""
from __future__ import annotations

from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import Length, Optional

from cipdesk.territoire.veille.models import NatureVeille
from cipdesk.web.champs import DateFr, Formulaire, ligne, texte
from cipdesk.web.formulaires import avec_vide

REQUIS = "Ce champ est obligatoire."


class FicheVeilleForm(Formulaire):
    titre = ligne("Titre", requis=True)
    nature = SelectField("Nature", choices=avec_vide(NatureVeille.choix()), validate_choice=False)
    resume = texte("Résumé")
    eligibilite = texte("Éligibilité", description="Qui peut en bénéficier, à quelles conditions.")
    source = ligne("Source", requis=True, longueur=300, description="Organisme, texte, publication.")
    url = StringField("Adresse web de la source", validators=[Optional(), Length(max=500)])
    date_fiche = DateFr("Date de l'information", validators=[Optional()])
    echeance = DateFr("Date d'échéance ou de révision", validators=[Optional()],
                      description="Un rappel s'affiche une fois cette date passée.")
    etiquettes = ligne("Étiquettes", longueur=500, description="Séparées par des virgules : IAE, jeunes, mobilité…")
    version = HiddenField()


class LienForm(Formulaire):
    cible = SelectField("Relier la fiche à", choices=[], validate_choice=False,
                        description="Une de vos orientations, une étape d'un parcours que vous suivez, une offre.")
