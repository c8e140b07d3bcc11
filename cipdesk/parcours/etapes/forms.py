"""Forms of the étapes: creation, réajustement, change of status."""
from __future__ import annotations

from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.parcours.forms import REQUIS, DateFr, Formulaire
from cipdesk.parcours.forms import select as _select
from cipdesk.parcours.forms import texte as _texte
from cipdesk.parcours.etapes.rules import Responsable, StatutEtape
from cipdesk.web.formulaires import choix


class EtapeForm(Formulaire):
    type_code = _select("Type d'étape")
    intitule = StringField("Étape (ce qui est à faire)", validators=[DataRequired(REQUIS), Length(max=300)])
    responsable = _select("Qui en est responsable", choix(Responsable.choix()))
    partenaire = StringField("Partenaire (si un partenaire est responsable)",
                             validators=[Optional(), Length(max=200)])
    echeance = DateFr("Échéance", validators=[InputRequired(REQUIS)])
    frein_dimension_code = _select("Frein du diagnostic auquel l'étape répond", requis=False)
    objectif = StringField("Ou objectif du parcours auquel elle répond", validators=[Optional(), Length(max=300)])


class ReajustementForm(EtapeForm):
    version = HiddenField()
    le = DateFr("Date du réajustement", validators=[InputRequired(REQUIS)])
    motif = _texte("Pourquoi réajuster", requis=True, longueur=2000,
                   description="Ce qui a changé dans la situation ou le diagnostic de la personne.")


class StatutEtapeForm(Formulaire):
    version = HiddenField()
    statut = _select("Nouveau statut", choix(StatutEtape.choix()))
    le = DateFr("Date", validators=[InputRequired(REQUIS)])
    motif = StringField("Motif (obligatoire pour un abandon, une annulation, un report)",
                        validators=[Optional(), Length(max=500)])
