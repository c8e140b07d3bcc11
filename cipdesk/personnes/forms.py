"""Forms of the person (French messages). Sexe and niveau de formation feed the
FSE+ figures (DOMAIN.md « Publics »): they start on « — choisir — » and are
required, « Non renseigné » being an explicit choice."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import Email, Length, Optional

from cipdesk.personnes.models import PUBLICS, NiveauFormation, Sexe, SituationMarcheTravail
from cipdesk.personnes.services import MESSAGE_NIVEAU, MESSAGE_SEXE
from cipdesk.web.champs import CasesACocher, DateFr, ligne, selection_a_choisir, texte
from cipdesk.web.formulaires import choix


class PersonneForm(FlaskForm):
    nom = ligne("Nom de naissance", requis=True, longueur=120)
    prenom = ligne("Prénom", requis=True, longueur=120)
    nom_usage = ligne("Nom d'usage", longueur=120)
    date_naissance = DateFr("Date de naissance", validators=[Optional()],
                            description="Sert aussi à repérer les doublons.")
    sexe = selection_a_choisir("Sexe", [(s.value, s.libelle) for s in Sexe], requis=MESSAGE_SEXE)
    telephone = ligne("Téléphone", longueur=30, description="Exemple : 06 12 34 56 78.")
    email = StringField("Adresse électronique", validators=[Optional(), Length(max=254),
                                                            Email("Adresse électronique invalide (exemple : nom@exemple.fr).")])
    adresse = ligne("Adresse", longueur=300)
    code_postal = ligne("Code postal", longueur=5, description="5 chiffres.")
    commune = ligne("Commune", longueur=120)
    niveau_formation = selection_a_choisir("Niveau de formation", [(n.value, n.libelle) for n in NiveauFormation],
                                           requis=MESSAGE_NIVEAU)
    situation_marche_travail = selection_a_choisir(
        "Situation sur le marché du travail à l'entrée", [(s.value, s.libelle) for s in SituationMarcheTravail],
        description="Donnée demandée par le FSE+ : la situation de la personne le jour de son entrée.")
    publics = CasesACocher("Caractéristiques du public à l'entrée", choices=choix(PUBLICS.items()),
                           validate_choice=False)
    prescripteur = ligne("Prescripteur", description="Organisme et personne qui oriente (France Travail, "
                                                     "conseil départemental, mission locale…).")
    commande_prescripteur = texte("Commande du prescripteur", longueur=3000)
    referent = SelectField("Conseiller·ère référent·e", choices=[], validate_choice=False)
    confirmer_doublon = BooleanField("Je confirme qu'il s'agit d'une autre personne")
    version = HiddenField()
