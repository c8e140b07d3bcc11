"""Forms of the projet professionnel (CP7) and of the plan d'action (CP8)."""
from __future__ import annotations

from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.parcours.forms import REQUIS, DateFr, Formulaire
from cipdesk.parcours.forms import select as _select
from cipdesk.parcours.forms import texte as _texte
from cipdesk.parcours.projet.rules import (Faisabilite, NatureAction, StatutAction, StatutDossierFormation,
                                           TypeConfrontation)
from cipdesk.web.formulaires import choix


class ProjetForm(Formulaire):
    version = HiddenField()
    phase_code = _select("Phase de la méthodologie")
    interets = _texte("Intérêts")
    valeurs = _texte("Valeurs")
    motivations = _texte("Motivations")
    competences_transferables = _texte("Compétences transférables")
    qualites = _texte("Qualités")
    talents = _texte("Talents")


class MetierForm(Formulaire):
    rome_code = _select("Métier (code ROME)", requis=False)
    libelle = StringField("Ou métier décrit librement", validators=[Optional(), Length(max=200)])


class FaisabiliteForm(Formulaire):
    faisabilite = _select("Faisabilité", choix(Faisabilite.choix()))
    analyse_faisabilite = _texte("Ce qui fonde cette appréciation", longueur=3000)


class ConfrontationForm(Formulaire):
    type_confrontation = _select("Confrontation à la réalité", choix(TypeConfrontation.choix()))
    metier_id = _select("Métier concerné", requis=False)
    employeur = StringField("Employeur", validators=[Optional(), Length(max=200)])
    le = DateFr("Date (début)", validators=[InputRequired(REQUIS)])
    fin_le = DateFr("Fin (pour une immersion)", validators=[Optional()])
    resultat = _texte("Résultat")


class ValidationForm(Formulaire):
    version = HiddenField()
    projet_valide = _texte("Projet professionnel validé", requis=True)
    valide_le = DateFr("Validé le", validators=[InputRequired(REQUIS)])


class ActionForm(Formulaire):
    nature = _select("Nature de l'action", choix(NatureAction.choix()))
    intitule = StringField("Action", validators=[DataRequired(REQUIS), Length(max=300)])
    organisme = StringField("Organisme de formation ou employeur", validators=[Optional(), Length(max=200)])
    modalite = StringField("Modalité (présentiel, distanciel, alternance…)", validators=[Optional(), Length(max=120)])
    debut = DateFr("Début", validators=[Optional()])
    fin = DateFr("Fin", validators=[Optional()])
    financement_code = _select("Financement", requis=False)
    statut_dossier = _select("État du dossier de financement", requis=False)
    offre = StringField("Offre (pour une candidature)", validators=[Optional(), Length(max=300)])
    resultat = _texte("Résultat", longueur=2000)
    echeance = DateFr("Échéance", validators=[Optional()])

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.statut_dossier.choices = choix([("", "—"), *StatutDossierFormation.choix()])


class StatutActionForm(Formulaire):
    statut = _select("Statut", choix(StatutAction.choix()))
    resultat = StringField("Résultat", validators=[Optional(), Length(max=500)])
