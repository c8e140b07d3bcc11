from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from cipdesk.comptes.models import ROLE_LIBELLES, VoieCandidat
from cipdesk.web.formulaires import choix

REQUIS = "Ce champ est obligatoire."


class ConnexionForm(FlaskForm):
    email = EmailField("Adresse électronique", validators=[DataRequired(REQUIS), Length(max=254)])
    mot_de_passe = PasswordField("Mot de passe", validators=[DataRequired(REQUIS), Length(max=256)])


class ChangementMotDePasseForm(FlaskForm):
    actuel = PasswordField("Mot de passe actuel", validators=[DataRequired(REQUIS), Length(max=256)])
    nouveau = PasswordField("Nouveau mot de passe", validators=[DataRequired(REQUIS), Length(max=256)])
    confirmation = PasswordField("Confirmez le nouveau mot de passe", validators=[
        DataRequired(REQUIS), EqualTo("nouveau", "Les deux mots de passe ne sont pas identiques.")])


class StructureForm(FlaskForm):
    nom = StringField("Nom de la structure", validators=[DataRequired(REQUIS), Length(max=200)])
    type_structure = StringField("Type (ACI, PLIE, Mission locale…)", validators=[Optional(), Length(max=120)])
    ville = StringField("Ville", validators=[Optional(), Length(max=120)])


class EquipeForm(FlaskForm):
    nom = StringField("Nom de l'équipe", validators=[DataRequired(REQUIS), Length(max=200)])


class UtilisateurForm(FlaskForm):
    prenom = StringField("Prénom", validators=[DataRequired(REQUIS), Length(max=120)])
    nom = StringField("Nom", validators=[DataRequired(REQUIS), Length(max=120)])
    email = EmailField("Adresse électronique", validators=[
        DataRequired(REQUIS), Email("Adresse électronique invalide."), Length(max=254)])
    role = SelectField("Rôle", choices=choix((r.value, lib) for r, lib in ROLE_LIBELLES.items()))
    structure = SelectField("Structure", choices=[])
    equipe = SelectField("Équipe", choices=[], validate_choice=False)
    mot_de_passe = PasswordField("Mot de passe initial", validators=[DataRequired(REQUIS), Length(max=256)])
    candidat = BooleanField("Candidat·e au titre professionnel CIP")
    voie = SelectField("Voie d'accès au titre", choices=choix((v.value, v.libelle) for v in VoieCandidat))
    date_session = DateField("Date de session visée", validators=[Optional()],
                             render_kw={"placeholder": "jj/mm/aaaa"})
    referentiel = SelectField("Référentiel d'évaluation", choices=[])


class MotDePasseOublieForm(FlaskForm):
    email = EmailField("Adresse électronique de votre compte", validators=[DataRequired(REQUIS), Length(max=254)])


class ReinitialisationForm(FlaskForm):
    nouveau = PasswordField("Nouveau mot de passe", validators=[DataRequired(REQUIS), Length(max=256)])
    confirmation = PasswordField("Confirmez le nouveau mot de passe", validators=[
        DataRequired(REQUIS), EqualTo("nouveau", "Les deux mots de passe ne sont pas identiques.")])
# -- second factor (issue #18, point 12) ------------------------------------------------
class CodeSecondFacteurForm(FlaskForm):
    code = StringField("Code de vérification", validators=[DataRequired(REQUIS), Length(max=40)],
                       description="Les 6 chiffres affichés par votre application d'authentification, "
                                   "ou l'un de vos codes de secours (16 caractères).",
                       render_kw={"autocomplete": "one-time-code", "autocapitalize": "characters",
                                  "spellcheck": "false"})
    se_souvenir = BooleanField("Se souvenir de ce navigateur pendant 30 jours (seulement sur un poste "
                               "qui n'est pas partagé)")


class ActivationSecondFacteurForm(FlaskForm):
    code = StringField("Code affiché par l'application", validators=[DataRequired(REQUIS), Length(max=40)],
                       description="6 chiffres, renouvelés toutes les 30 secondes.",
                       render_kw={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"})


class CommencerActivationForm(FlaskForm):
    """The button that makes a new key to enrol (nothing is written by a GET)."""


class ExigenceSecondFacteurForm(FlaskForm):
    exigence = SelectField("Second facteur à la connexion", validators=[DataRequired(REQUIS)])
