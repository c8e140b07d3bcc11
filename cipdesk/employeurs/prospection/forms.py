from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

_CIBLE = [InputRequired("Indiquez un objectif chiffré."), NumberRange(0, 100000, "Un nombre positif ou nul.")]


class ActionForm(FlaskForm):
    titre = StringField("Intitulé de l'action", validators=[DataRequired("Donnez un intitulé."), Length(max=200)])
    debut = DateField("Début", validators=[InputRequired("Indiquez le début.")])
    fin = DateField("Fin", validators=[InputRequired("Indiquez la fin.")])
    objectifs = TextAreaField("Objectifs", validators=[DataRequired("Indiquez les objectifs."), Length(max=4000)])
    diagnostic_territoire = TextAreaField("Diagnostic du territoire (données de l'emploi)",
                                          validators=[DataRequired("Résumez les données du territoire."),
                                                      Length(max=8000)])
    sources_diagnostic = TextAreaField("Sources et dates des données", validators=[
        DataRequired("Citez la source et la date de chaque donnée."), Length(max=4000)])
    cible_employeurs = TextAreaField("Cible d'employeurs et justification", validators=[Optional(), Length(max=4000)])
    strategie = TextAreaField("Stratégie", validators=[Optional(), Length(max=4000)])
    outils = TextAreaField("Outils (argumentaire, fiche de présentation, mailing…)",
                           validators=[Optional(), Length(max=4000)])
    pratiques_durables = TextAreaField("Pratiques de développement durable (CP15)",
                                       validators=[Optional(), Length(max=4000)])
    cible_contacts = IntegerField("Objectif : échanges avec des employeurs", validators=_CIBLE)
    cible_visites = IntegerField("Objectif : visites en entreprise", validators=_CIBLE)
    cible_offres = IntegerField("Objectif : offres recueillies", validators=_CIBLE)
    cible_placements = IntegerField("Objectif : embauches", validators=_CIBLE)

    def donnees(self) -> dict:
        return {c: getattr(self, c).data if c in ("debut", "fin") else (getattr(self, c).data or "") for c in (
            "titre", "debut", "fin", "objectifs", "diagnostic_territoire", "sources_diagnostic", "cible_employeurs",
            "strategie", "outils", "pratiques_durables")}

    def cibles(self) -> dict[str, int]:
        return {c: getattr(self, f"cible_{c}").data for c in ("contacts", "visites", "offres", "placements")}


class CibleForm(FlaskForm):
    entreprise_id = SelectField("Entreprise de la base", choices=[], validate_choice=False,
                                validators=[DataRequired("Choisissez une entreprise.")])


class EvaluationForm(FlaskForm):
    evaluation = TextAreaField("Bilan de l'action", validators=[DataRequired("Rédigez le bilan."), Length(max=8000)])
    causes_ecarts = TextAreaField("Causes des écarts", validators=[Optional(), Length(max=8000)])
    le = DateField("Évaluée le", validators=[InputRequired("Indiquez la date.")])
