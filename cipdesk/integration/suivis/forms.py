from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from cipdesk.integration.suivis.rules import TypeContrat
from cipdesk.web.formulaires import avec_vide


class SuiviForm(FlaskForm):
    # the hire this follow-up comes from, when opened from a candidature (employeurs)
    candidature = HiddenField()
    # … or from an immersion (PMSMP) whose bilan says the employer means to hire
    immersion = HiddenField()
    personne_id = SelectField("Personne", choices=[], validate_choice=False,
                              validators=[DataRequired("Choisissez la personne.")])
    entreprise_id = SelectField("Employeur (base des employeurs)", choices=[], validate_choice=False,
                                validators=[Optional()])
    employeur = StringField("Ou nom de l'employeur", validators=[Optional(), Length(max=200)],
                            description="Si l'employeur n'est pas dans la base (embauche déclarée par la personne).")
    lieu_travail = StringField("Lieu de travail", validators=[Optional(), Length(max=300)])
    intitule_poste = StringField("Intitulé du poste", validators=[DataRequired("Indiquez le poste."),
                                                                  Length(max=200)])
    rome_code = StringField("Code ROME", validators=[Optional(), Regexp(r"^[A-Na-n]\d{4}$",
                                                     message="Un code ROME s'écrit une lettre et quatre chiffres "
                                                             "(ex. N1103).")])
    type_contrat = SelectField("Type de contrat", choices=avec_vide(TypeContrat.choix()),
                               validators=[DataRequired("Choisissez le type de contrat.")])
    debut = DateField("Début du contrat", validators=[InputRequired("Indiquez la date de début.")])
    fin_periode_essai = DateField("Fin de la période d'essai", validators=[Optional()])
    confirmer_essai = BooleanField("Je confirme cette période d'essai (accord de branche, renouvellement prévu)")
    heures_hebdo = IntegerField("Heures par semaine", validators=[Optional(), NumberRange(
        1, 48, "Entre 1 et 48 heures par semaine (durée maximale, art. L3121-20).")])

    def donnees(self) -> dict:
        return {c: getattr(self, c).data for c in ("employeur", "lieu_travail", "intitule_poste", "rome_code",
                                                     "type_contrat", "debut", "fin_periode_essai", "heures_hebdo")}


class CadreForm(FlaskForm):
    cadre_le = DateField("Cadre convenu le", validators=[InputRequired("Indiquez la date.")])
    interlocuteurs = TextAreaField("Interlocuteurs dans l'entreprise (nom, rôle, fonction : tuteur, manager, RH)",
                                   validators=[DataRequired("Indiquez au moins un interlocuteur."), Length(max=4000)])
    engagements = TextAreaField("Ce que fait chaque partie, limites de l'intervention du conseiller",
                                validators=[DataRequired("Décrivez le rôle de chacun."), Length(max=4000)])
    modalites = TextAreaField("Modalités de collaboration (visites, appels, qui alerte qui)",
                              validators=[DataRequired("Indiquez les modalités."), Length(max=4000)])
    acteurs = TextAreaField("Acteurs à mobiliser (médecin du travail, ergonome, formation, aides, Cap emploi…)",
                            validators=[Optional(), Length(max=4000)])
    non_discrimination = TextAreaField(
        "Information donnée sur la non-discrimination dans l'emploi (facultatif)", validators=[Optional(), Length(max=4000)],
        description="Ce qui a été dit à l'employeur et à la personne (Code du travail, art. L1132-1) : "
                    "preuve de la compétence CP15.")

    def donnees(self) -> dict:
        return {c: getattr(self, c).data for c in ("cadre_le", "interlocuteurs", "engagements", "modalites",
                                                     "acteurs", "non_discrimination")}
