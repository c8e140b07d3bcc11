"""Forms of the accueil module (French messages; choices always built with `choix`)."""
from __future__ import annotations

from datetime import datetime

from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, Form, HiddenField, SelectField, SelectMultipleField,
                     StringField, TextAreaField, widgets)
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from cipdesk.accueil.models import INFORMATIONS, Concordance, ModeAccueil, SuiteAccueil, TypeUrgence
from cipdesk.personnes.models import PUBLICS, NiveauFormation, Sexe
from cipdesk.web.formulaires import choix

REQUIS = "Ce champ est obligatoire."


class DateFr(DateField):
    """input type=date; also accepts jj/mm/aaaa; an impossible date gets a French reason."""

    def process_formdata(self, valeurs):
        self.data = None
        if not valeurs or not (valeurs[0] or "").strip():
            return
        texte = valeurs[0].strip()
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                self.data = datetime.strptime(texte, fmt).date()
                return
            except ValueError:
                continue
        raise ValueError("Date invalide ou impossible : utilisez le format jj/mm/aaaa.")


class CasesACocher(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _texte(libelle, requis=False, longueur=5000, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return TextAreaField(libelle, validators=[*validateurs, Length(max=longueur, message=f"{longueur} caractères au plus.")], **kw)


def _ligne(libelle, requis=False, longueur=200, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return StringField(libelle, validators=[*validateurs, Length(max=longueur, message=f"{longueur} caractères au plus.")], **kw)


def _select(libelle, paires, **kw):
    return SelectField(libelle, choices=choix(paires), **kw)


class PersonneForm(FlaskForm):
    nom = _ligne("Nom de naissance", requis=True, longueur=120)
    prenom = _ligne("Prénom", requis=True, longueur=120)
    nom_usage = _ligne("Nom d'usage", longueur=120)
    date_naissance = DateFr("Date de naissance", validators=[Optional()],
                            description="Sert aussi à repérer les doublons.")
    sexe = _select("Sexe", [(s.value, s.libelle) for s in Sexe])
    telephone = _ligne("Téléphone", longueur=30, description="Exemple : 06 12 34 56 78.")
    email = StringField("Adresse électronique", validators=[Optional(), Length(max=254),
                                                            Email("Adresse électronique invalide (exemple : nom@exemple.fr).")])
    adresse = _ligne("Adresse", longueur=300)
    code_postal = _ligne("Code postal", longueur=5, description="5 chiffres.")
    commune = _ligne("Commune", longueur=120)
    niveau_formation = _select("Niveau de formation", [(n.value, n.libelle) for n in NiveauFormation])
    publics = CasesACocher("Caractéristiques du public à l'entrée", choices=choix(PUBLICS.items()),
                           validate_choice=False)
    prescripteur = _ligne("Prescripteur", description="Organisme et personne qui oriente (France Travail, "
                                                      "conseil départemental, mission locale…).")
    commande_prescripteur = _texte("Commande du prescripteur", longueur=3000)
    referent = SelectField("Conseiller·ère référent·e", choices=[], validate_choice=False)
    confirmer_doublon = BooleanField("Je confirme qu'il s'agit d'une autre personne")
    version = HiddenField()


def _urgence_champs():
    champs = {}
    for t in TypeUrgence:
        champs[f"urgence_{t.value}"] = BooleanField(f"Urgence repérée : {t.libelle.lower()}")
        champs[f"urgence_{t.value}_contact"] = _ligne("Qui a été appelé", longueur=300)
        champs[f"urgence_{t.value}_action"] = _texte("Action menée sur le moment", longueur=3000)
        champs[f"urgence_{t.value}_differee"] = BooleanField(
            "Action impossible sur le moment : l'urgence reste en alerte")
    return champs


class AccueilForm(FlaskForm):
    date_accueil = DateFr("Date de l'accueil", validators=[InputRequired("La date de l'accueil est obligatoire.")])
    mode = _select("Mode d'accueil", [(m.value, m.libelle) for m in ModeAccueil])
    demande_exprimee = _texte("Demande exprimée", requis=True,
                              description="Avec les mots de la personne.")
    commande_prescripteur = _texte("Commande du prescripteur", longueur=3000)
    concordance = _select("La commande rejoint-elle la demande ?", [(c.value, c.libelle) for c in Concordance])
    informations = CasesACocher("Informations données", choices=choix(INFORMATIONS.items()), validate_choice=False)
    informations_precisions = _texte("Précisions sur les informations données", longueur=3000)
    suite = _select("Suite donnée", [(s.value, s.libelle) for s in SuiteAccueil])
    suite_motif = _texte("Motif ou précisions sur la suite", longueur=2000)
    prochain_rdv_le = DateFr("Prochain rendez-vous", validators=[Optional()])


for _nom, _champ in _urgence_champs().items():  # FormMeta accepts fields added after the class body
    setattr(AccueilForm, _nom, _champ)


class TraitementUrgenceForm(FlaskForm):
    le = DateFr("Date de l'action", validators=[InputRequired("La date de l'action est obligatoire.")])
    contact = _ligne("Qui a été appelé", longueur=300)
    action = _texte("Action menée", requis=True, longueur=3000)


class DimensionForm(Form):
    code = HiddenField()
    situation = _texte("Situation", longueur=3000)
    atouts = _texte("Atouts", longueur=3000)
    atout_niveau = SelectField("Niveau d'atout", choices=[], validate_choice=False, default="0")
    freins = _texte("Freins", longueur=3000)
    frein_niveau = SelectField("Niveau de frein", choices=[], validate_choice=False, default="0")
    besoins = _texte("Besoins", longueur=3000)


class NouvelleVersionForm(FlaskForm):
    date_diagnostic = DateFr("Date de l'entretien de diagnostic",
                             validators=[InputRequired("La date du diagnostic est obligatoire.")])


class ValidationForm(FlaskForm):
    valide_le = DateFr("Date de la validation par la personne",
                       validators=[InputRequired("La date de validation est obligatoire.")])
    validation_mode = SelectField("Comment l'accord a été obtenu", choices=[], validate_choice=False)
    validation_precisions = _ligne("Précisions", longueur=500)


class SyntheseForm(FlaskForm):
    date_entretien = DateFr("Date de l'entretien", validators=[InputRequired("La date de l'entretien est obligatoire.")])
    objet = _ligne("Objet de l'entretien", requis=True)
    faits = _texte("Faits", requis=True, description="Ce qui a été dit et constaté, sans interprétation.")
    paroles_personne = _texte("Ce que dit la personne", description="Sa demande, ses souhaits, avec ses mots.")
    analyse = _texte("Analyse du conseiller (opinion)",
                     description="Vos hypothèses et votre point de vue, présentés comme tels.")
    suites = _texte("Suites convenues", description="Ce qui a été décidé ensemble, qui fait quoi, quand.")
    analyse_partagee = BooleanField("La personne accepte que l'analyse figure dans le document qui lui est remis")


class PartageSyntheseForm(FlaskForm):
    le = DateFr("Date de remise", validators=[InputRequired("La date de remise est obligatoire.")])
    mode = SelectField("Mode de remise", choices=[], validate_choice=False)


class PartenaireForm(FlaskForm):
    nom = _ligne("Nom du partenaire", requis=True)
    type_partenaire = _ligne("Type", longueur=120, description="Exemple : CCAS, SIAO, CMP, auto-école sociale…")
    domaines = CasesACocher("Domaines d'intervention", choices=[], validate_choice=False)
    adresse = _ligne("Adresse", longueur=300)
    contact_nom = _ligne("Personne à contacter")
    telephone = _ligne("Téléphone", longueur=30)
    email = StringField("Adresse électronique", validators=[Optional(), Length(max=254),
                                                            Email("Adresse électronique invalide.")])
    actif = BooleanField("Partenaire actif", default=True)


class OrientationForm(FlaskForm):
    partenaire = SelectField("Partenaire", choices=[], validate_choice=False)
    date_orientation = DateFr("Date de l'orientation", validators=[InputRequired("La date de l'orientation est obligatoire.")])
    motif = _texte("Motif de l'orientation", requis=True, longueur=3000)
    informations_transmises = _texte("Informations transmises au partenaire", longueur=3000,
                                     description="Seulement ce qui est strictement nécessaire, avec l'accord de la personne.")
    consentement = BooleanField("La personne consent à la transmission de ces informations (secret partagé)")
    consentement_le = DateFr("Date du consentement", validators=[Optional()])
    consentement_mode = _ligne("Comment le consentement a été recueilli")


class ReponseForm(FlaskForm):
    reponse = SelectField("Réponse du partenaire", choices=[], validate_choice=False)
    reponse_le = DateFr("Date de la réponse", validators=[Optional()])
    reponse_commentaire = _texte("Commentaire", longueur=2000)


class ReunionForm(FlaskForm):
    date_reunion = DateFr("Date de la réunion", validators=[InputRequired("La date de la réunion est obligatoire.")])
    lieu = _ligne("Lieu", requis=True)
    animateurs = _ligne("Animateurs", longueur=300)
    contenus = CasesACocher("Contenus présentés", choices=[], validate_choice=False)
    contenus_precisions = _texte("Précisions", longueur=3000)


class ParticipantForm(FlaskForm):
    personne = SelectField("Personne déjà connue", choices=[], validate_choice=False)
    nom = _ligne("Nom (nouvelle personne)", longueur=120)
    prenom = _ligne("Prénom (nouvelle personne)", longueur=120)
    date_naissance = DateFr("Date de naissance (nouvelle personne)", validators=[Optional()])
    resultat = SelectField("Résultat", choices=[], validate_choice=False)
    commentaire = _ligne("Commentaire", longueur=500)
