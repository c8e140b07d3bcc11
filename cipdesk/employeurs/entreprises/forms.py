from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from cipdesk.employeurs.entreprises.rules import ModeContact, RoleContact, TrancheEffectif
from cipdesk.web.formulaires import avec_vide


class EntrepriseForm(FlaskForm):
    raison_sociale = StringField("Raison sociale", validators=[DataRequired("Indiquez la raison sociale."),
                                                               Length(max=200)])
    enseigne = StringField("Enseigne ou nom commercial", validators=[Optional(), Length(max=200)])
    siret = StringField("SIRET de l'établissement", validators=[Optional(), Length(max=20)],
                        description="14 chiffres, sur l'avis de situation SIRENE ou une fiche de paie.")
    siren = StringField("SIREN (si le SIRET n'est pas connu)", validators=[Optional(), Length(max=11)])
    naf_code = StringField("Code NAF (APE)", validators=[Optional(), Length(max=7)],
                           description="Ex. 88.99B ; le libellé vient de la nomenclature NAF rév. 2 de l'INSEE.")
    tranche_effectif = SelectField("Effectif salarié", choices=avec_vide(TrancheEffectif.choix(), "— non renseigné —"),
                                   validators=[Optional()])
    secteur = StringField("Secteur (si différent de la section NAF)", validators=[Optional(), Length(max=200)])
    adresse = StringField("Adresse", validators=[Optional(), Length(max=300)])
    code_postal = StringField("Code postal", validators=[Optional(), Regexp(r"^\d{5}$", message="5 chiffres.")])
    commune = StringField("Commune", validators=[Optional(), Length(max=120)])
    telephone = StringField("Téléphone du standard", validators=[Optional(), Length(max=30)])
    email = StringField("Courriel générique", validators=[Optional(), Email("Adresse de courriel invalide."),
                                                          Length(max=200)])
    site = StringField("Site internet", validators=[Optional(), Length(max=300)])
    observations = TextAreaField("Observations", validators=[Optional(), Length(max=4000)])
    version = HiddenField()

    def donnees(self) -> dict:
        return {c: getattr(self, c).data for c in (
            "raison_sociale", "enseigne", "siret", "siren", "naf_code", "tranche_effectif", "secteur", "adresse",
            "code_postal", "commune", "telephone", "email", "site", "observations")}


class ContactForm(FlaskForm):
    civilite = SelectField("Civilité", choices=avec_vide([("Mme", "Madame"), ("M.", "Monsieur")], "— sans —"),
                           validators=[Optional()])
    prenom = StringField("Prénom", validators=[Optional(), Length(max=100)])
    nom = StringField("Nom", validators=[DataRequired("Indiquez le nom du contact."), Length(max=100)])
    role = SelectField("Rôle dans l'entreprise", choices=avec_vide(RoleContact.choix()),
                       validators=[DataRequired("Choisissez le rôle du contact.")])
    fonction = StringField("Fonction (intitulé exact)", validators=[Optional(), Length(max=200)])
    telephone = StringField("Téléphone", validators=[Optional(), Length(max=30)])
    email = StringField("Courriel", validators=[Optional(), Email("Adresse de courriel invalide."), Length(max=200)])
    mode_prefere = SelectField("Préfère être contacté·e par", choices=avec_vide(ModeContact.choix()),
                               validators=[DataRequired("Choisissez le mode de contact préféré.")])
    disponibilites = StringField("Quand le ou la joindre", validators=[Optional(), Length(max=300)])

    def donnees(self) -> dict:
        return {c: getattr(self, c).data or "" for c in (
            "civilite", "prenom", "nom", "role", "fonction", "telephone", "email", "mode_prefere", "disponibilites")}
