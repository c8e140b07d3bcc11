from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from cipdesk.employeurs.offres.rules import Horaire, Permis, TypeContrat
from cipdesk.web.formulaires import avec_vide, choix


class FicheForm(FlaskForm):
    entretien_le = DateField("Date de l'entretien d'analyse du besoin",
                             validators=[InputRequired("Indiquez la date de l'entretien.")])
    contact_id = SelectField("Interlocuteur·rice", choices=[], validators=[Optional()], validate_choice=False)
    besoin = TextAreaField("Besoin de recrutement exprimé par l'employeur",
                           validators=[DataRequired("Décrivez le besoin exprimé."), Length(max=8000)])
    intitule = StringField("Intitulé du poste", validators=[DataRequired("Indiquez l'intitulé du poste."),
                                                           Length(max=200)])
    rome_code = StringField("Code ROME (facultatif)", validators=[
        Optional(), Regexp(r"^[A-Na-n]\d{4}$", message="Un code ROME s'écrit une lettre et 4 chiffres (ex. N1103).")])
    missions = TextAreaField("Missions", validators=[DataRequired("Décrivez les missions du poste."), Length(max=8000)])
    activites = TextAreaField("Activités", validators=[Optional(), Length(max=8000)])
    competences = TextAreaField("Compétences attendues", validators=[Optional(), Length(max=8000)])
    conditions = TextAreaField("Conditions de travail (exigences physiques, environnement, risques)",
                               validators=[Optional(), Length(max=4000)])
    type_contrat = SelectField("Contrat", choices=avec_vide(TypeContrat.choix()),
                               validators=[DataRequired("Choisissez le type de contrat.")])
    duree_hebdo = StringField("Durée hebdomadaire", validators=[Optional(), Length(max=60)])
    horaires = StringField("Horaires", validators=[Optional(), Length(max=200)])
    remuneration = StringField("Rémunération", validators=[Optional(), Length(max=120)])
    lieu = StringField("Lieu de travail", validators=[Optional(), Length(max=200)])
    permis_requis = SelectMultipleField("Permis ou habilitation nécessaires au poste", choices=choix(Permis.choix()),
                                        validators=[Optional()], widget=ListWidget(prefix_label=False),
                                        option_widget=CheckboxInput(),
                                        description="Seulement si le poste l'exige (conduite d'un véhicule, d'un engin).")
    horaires_atypiques = SelectMultipleField("Horaires particuliers du poste", choices=choix(Horaire.choix()),
                                             validators=[Optional()], widget=ListWidget(prefix_label=False),
                                             option_widget=CheckboxInput())

    CHAMPS = ("entretien_le", "besoin", "intitule", "rome_code", "missions", "activites", "competences",
              "conditions", "type_contrat", "duree_hebdo", "horaires", "remuneration", "lieu", "permis_requis",
              "horaires_atypiques")

    def donnees(self) -> dict:
        d = {c: getattr(self, c).data for c in self.CHAMPS}
        d["rome_code"] = (d["rome_code"] or "").upper()
        return {k: ("" if v is None and k != "entretien_le" else v) for k, v in d.items()}


class OffreForm(FlaskForm):
    intitule = StringField("Intitulé de l'offre", validators=[DataRequired("Indiquez l'intitulé de l'offre."),
                                                              Length(max=200)])
    texte = TextAreaField("Texte de l'offre", validators=[DataRequired("Rédigez le texte de l'offre."),
                                                          Length(max=12000)])
    nombre_postes = IntegerField("Nombre de postes", validators=[
        InputRequired("Indiquez le nombre de postes."), NumberRange(1, 500, "Entre 1 et 500 postes.")])
    ouverte_le = DateField("Ouverte le", validators=[InputRequired("Indiquez la date d'ouverture.")])
    cloture_le = DateField("Date de clôture prévue", validators=[Optional()])
    version = HiddenField()

    def donnees(self) -> dict:
        return {c: getattr(self, c).data for c in ("intitule", "texte", "nombre_postes", "ouverte_le", "cloture_le")}


class JustificationForm(FlaskForm):
    cle = HiddenField(validators=[DataRequired("Formulation inconnue.")])
    justification = TextAreaField("Pourquoi garder cette exigence", validators=[Length(max=4000)])


class DiffusionForm(FlaskForm):
    pass


class StatutOffreForm(FlaskForm):
    statut = SelectField("Nouveau statut", choices=avec_vide([("pourvue", "Pourvue"),
                                                              ("close", "Close sans recrutement")]),
                         validators=[DataRequired("Choisissez le statut.")])
    le = DateField("Le", validators=[InputRequired("Indiquez la date.")])


__all__ = ["FicheForm", "OffreForm", "JustificationForm", "DiffusionForm", "StatutOffreForm", "choix"]
