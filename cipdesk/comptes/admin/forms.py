from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from cipdesk.comptes.models import ROLE_LIBELLES
from cipdesk.security.audit import ACTION_LIBELLES
from cipdesk.web.formulaires import choix


class FiltreAuditForm(FlaskForm):
    class Meta:
        csrf = False  # a GET filter: it changes nothing

    action = SelectField("Action", choices=choix([("", "Toutes")] + [(a.value, l) for a, l in ACTION_LIBELLES.items()]),
                         validators=[Optional()])
    acteur = StringField("Utilisateur (nom ou adresse)", validators=[Optional(), Length(max=120)])
    objet_type = StringField("Type d'objet", validators=[Optional(), Length(max=60)])
    objet_id = StringField("Identifiant d'objet", validators=[Optional(), Length(max=64)])
    du = DateField("Du", validators=[Optional()])
    au = DateField("Au", validators=[Optional()])


class AccesForm(FlaskForm):
    role = SelectField("Rôle", choices=choix((r.value, lib) for r, lib in ROLE_LIBELLES.items()))
    actif = BooleanField("Compte actif")


class TuteurForm(FlaskForm):
    tuteur = SelectField("Tuteur·rice du ou de la candidat·e", choices=[], validate_choice=False)


class DelaisForm(FlaskForm):
    """The structure's delays (issue #11, point 8)."""
    orientation_delai = IntegerField("Délai de réponse d'un partenaire à une orientation (jours)",
                                     validators=[InputRequired("Indiquez un nombre de jours."),
                                                 NumberRange(1, 180, "Entre 1 et 180 jours.")],
                                     description="Au-delà, une alerte invite à relancer le partenaire ; au-delà du "
                                                 "double, à déclarer l'orientation expirée avec son motif.")
    # Issue #17: the ONE setting read by « Ma pratique » (charge de travail) and the chef's dashboard.
    norme_file_active = IntegerField("Norme de file active (personnes accompagnées par conseiller·ère)",
                                     validators=[Optional(), NumberRange(1, 300, "Entre 1 et 300 personnes.")],
                                     description="Laissez vide pour la valeur par défaut (40). Repères : 20 à 40 dans "
                                                 "un atelier et chantier d'insertion, 60 à 100 dans un PLIE.")


class ListeForm(FlaskForm):
    """One change to one of the structure's lists: add a value, retire one, or bring one back."""
    liste = StringField("Liste", validators=[Length(max=40)])
    libelle = StringField("Nouvelle valeur", validators=[Optional(), Length(max=120, message="120 caractères au plus.")])
    retirer = StringField(validators=[Optional(), Length(max=60)])
    retablir = StringField(validators=[Optional(), Length(max=60)])
    modele = StringField(validators=[Optional(), Length(max=60)])   # the value whose texts are edited
