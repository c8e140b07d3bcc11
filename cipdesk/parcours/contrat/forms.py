"""Forms of the contract: opening, avenant or renouvellement, signature."""
from __future__ import annotations

from wtforms import HiddenField
from wtforms.validators import InputRequired, Optional

from cipdesk.parcours.forms import REQUIS, DateFr, Formulaire
from cipdesk.parcours.forms import select as _select
from cipdesk.parcours.forms import texte as _texte
from cipdesk.parcours.contrat.models import NatureVersion
from cipdesk.web.formulaires import choix


class OuvertureForm(Formulaire):
    dispositif_code = _select("Dispositif")
    referent_id = _select("Référent·e du parcours")
    debut = DateFr("Début du parcours", validators=[InputRequired(REQUIS)])
    fin_prevue = DateFr("Fin prévue", validators=[Optional()])
    objectifs = _texte("Objectifs du parcours", requis=True,
                       description="Tels que formulés avec la personne, à partir du diagnostic partagé.")
    engagements_personne = _texte("Engagements de la personne", requis=True)
    engagements_structure = _texte("Engagements de la structure", requis=True)


class ContratForm(Formulaire):
    version = HiddenField()
    nature = _select("Nature de la modification", choix(
        (n.value, n.libelle) for n in (NatureVersion.AVENANT, NatureVersion.RENOUVELLEMENT)))
    le = DateFr("Date de l'avenant ou du renouvellement", validators=[InputRequired(REQUIS)])
    motif = _texte("Motif", requis=True, longueur=2000)
    dispositif_code = _select("Dispositif")
    fin_prevue = DateFr("Fin prévue", validators=[Optional()])
    objectifs = _texte("Objectifs du parcours", requis=True)
    engagements_personne = _texte("Engagements de la personne", requis=True)
    engagements_structure = _texte("Engagements de la structure", requis=True)


class SignatureForm(Formulaire):
    signe_le = DateFr("Date de signature du contrat", validators=[InputRequired(REQUIS)])
