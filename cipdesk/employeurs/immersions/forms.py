from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.employeurs.immersions.rules import ObjectifPmsmp
from cipdesk.web.formulaires import avec_vide, choix


class ConventionForm(FlaskForm):
    personne_id = SelectField("Bénéficiaire", choices=[], validate_choice=False,
                              validators=[DataRequired("Choisissez la personne.")])
    tuteur_id = SelectField("Tuteur·rice dans l'entreprise", choices=[], validate_choice=False,
                            validators=[DataRequired("Choisissez le ou la tuteur·rice.")])
    prescripteur = StringField("Prescripteur", validators=[DataRequired("Indiquez le prescripteur."), Length(max=200)],
                               description="France Travail, Mission locale, Cap emploi, SIAE conventionnée…")
    objectif = SelectField("Objectif (un seul, art. L5135-1)", choices=avec_vide(ObjectifPmsmp.choix()),
                           validators=[DataRequired("Choisissez l'objectif de l'immersion.")])
    debut = DateField("Début", validators=[InputRequired("Indiquez le début.")])
    fin = DateField("Fin", validators=[InputRequired("Indiquez la fin.")])
    horaires = StringField("Horaires journaliers", validators=[DataRequired("Indiquez les horaires."), Length(max=300)])
    lieu = StringField("Lieu", validators=[DataRequired("Indiquez le lieu."), Length(max=300)])
    taches = TextAreaField("Activités et tâches confiées", validators=[DataRequired("Décrivez les tâches."),
                                                                       Length(max=4000)])
    modalites_evaluation = TextAreaField("Modalités d'évaluation", validators=[
        DataRequired("Indiquez comment l'immersion sera évaluée."), Length(max=4000)])
    renouvelle_id = SelectField("Renouvelle la convention", choices=[], validate_choice=False, validators=[Optional()])

    def donnees(self) -> dict:
        return {c: getattr(self, c).data for c in ("prescripteur", "objectif", "debut", "fin", "horaires", "lieu",
                                                     "taches", "modalites_evaluation")}


class StatutForm(FlaskForm):
    statut = SelectField("Nouveau statut", choices=[], validate_choice=False,
                         validators=[DataRequired("Choisissez le statut.")])
    le = DateField("Le", validators=[InputRequired("Indiquez la date.")])


_OUI_NON = [("oui", "Oui"), ("non", "Non")]


class BilanForm(FlaskForm):
    bilan_le = DateField("Bilan fait le", validators=[InputRequired("Indiquez la date du bilan.")])
    appreciation_tuteur = TextAreaField("Appréciation du ou de la tuteur·rice", validators=[
        DataRequired("Notez l'appréciation du tuteur."), Length(max=4000)])
    bilan = TextAreaField("Bilan avec la personne", validators=[DataRequired("Rédigez le bilan."), Length(max=4000)])
    objectif_atteint = RadioField("Objectif atteint", choices=choix(_OUI_NON),
                                  validators=[InputRequired("Dites si l'objectif est atteint.")])
    embauche_envisagee = RadioField("Embauche envisagée par l'employeur", choices=choix(_OUI_NON),
                                    validators=[InputRequired("Dites si une embauche est envisagée.")])
