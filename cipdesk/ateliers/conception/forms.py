"""Forms of the design (analyse de la demande, cahier des charges, objectifs, séquences), and
the small field types the other forms of the module share."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, IntegerField, SelectField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine
from cipdesk.web.formulaires import avec_vide

REQUIS = "Ce champ est obligatoire."


def _sans_nul(valeur):
    """PostgreSQL refuses NUL characters in text: they never reach a service."""
    return valeur.replace("\x00", "") if isinstance(valeur, str) else valeur


class Formulaire(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            filtres = (*unbound_field.kwargs.get("filters", ()), _sans_nul)
            return unbound_field.bind(form=form, **{**options, "filters": filtres})


class EntierFr(IntegerField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Saisissez un nombre entier.") from None


class DateFr(DateField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Date invalide : utilisez le format jj/mm/aaaa.") from None


class HeureFr(TimeField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Heure invalide : utilisez le format hh:mm.") from None


def texte(libelle, requis=False, longueur=5000, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return TextAreaField(libelle, validators=[*validateurs, Length(max=longueur)], **kw)


def liste(libelle, enum, requis=True, **kw):
    """A select over an enum, starting with « — choisir — » (nothing pre-selected)."""
    return SelectField(libelle, choices=avec_vide(enum.choix()), validators=[DataRequired(REQUIS)] if requis else
                       [Optional()], **kw)


def entier(libelle, mini=0, maxi=100000, requis=True, **kw):
    return EntierFr(libelle, validators=[InputRequired(REQUIS) if requis else Optional(),
                                         NumberRange(mini, maxi, f"Entre {mini} et {maxi}.")], **kw)


class AtelierForm(Formulaire):
    """Analyse de la demande + cahier des charges + dispositif d'évaluation."""
    version = HiddenField()
    titre = StringField("Titre de l'atelier", validators=[DataRequired(REQUIS), Length(max=200)])
    origine = liste("Origine", Origine, description="REAC CP9 : « une demande institutionnelle ou un besoin identifié ».")
    commanditaire = StringField("Commanditaire", validators=[Optional(), Length(max=200)],
                                description="Obligatoire pour une demande institutionnelle.")
    contexte = texte("Contexte", requis=True)
    changements_recherches = texte("Changements recherchés")
    competences_visees = texte("Compétences à acquérir")
    caracteristiques_public = texte("Caractéristiques du public", requis=True,
                                    description="REAC CP9 : « Les caractéristiques du public sont prises en compte ».")
    contraintes = texte("Contraintes")
    public_prerequis = texte("Public et prérequis")
    places_min = entier("Nombre de places minimum", 0, 100)
    places_max = entier("Nombre de places maximum", 1, 100)
    duree_minutes = entier("Durée d'une session (minutes)", 15, 6000,
                           description="Toutes demi-journées comprises ; la progression est comparée à cette durée.")
    rythme = StringField("Rythme", validators=[Optional(), Length(max=200)],
                         description="Par exemple : 2 demi-journées par semaine pendant 2 semaines.")
    format = liste("Présentiel ou distanciel", Format)
    lieu = StringField("Lieu", validators=[Optional(), Length(max=200)])
    objectif_general = texte("Objectif général", requis=True)
    ressources_budget = texte("Ressources et budget")
    animateurs = texte("Animateurs (dont partenaires)", longueur=2000)
    developpement_durable = texte("Développement durable",
                                  description="REAC CP9 : « Intégrer les concepts du développement durable dans la conception ».")
    prevention_risques = texte("Prévention des risques",
                               description="REAC CP10 : « en intégrant les dimensions liées à la prévention des risques "
                                           "professionnels ».")
    satisfaction_a_chaud = BooleanField("Questionnaire de satisfaction à chaud", default=True)
    suivi_a_froid_semaines = EntierFr("Suivi à froid après (semaines)",
                                      validators=[Optional(), NumberRange(1, 52, "Entre 1 et 52 semaines.")])


class ObjectifForm(Formulaire):
    capacite = texte("Le participant sera capable de", requis=True, longueur=1000)
    conditions = texte("Dans quelles conditions", longueur=1000)
    critere = texte("Critère de réussite", longueur=1000)
    modalite_evaluation = texte("Comment l'atteinte est évaluée", requis=True, longueur=1000,
                                description="REAC CP9 : « Le dispositif d'évaluation est en adéquation avec les "
                                            "objectifs à atteindre ».")


class SequenceForm(Formulaire):
    titre = StringField("Titre de la séquence", validators=[DataRequired(REQUIS), Length(max=200)])
    duree_minutes = entier("Durée (minutes)", 0, 100000)
    objectif_id = SelectField("Objectif pédagogique visé", choices=[], validate_choice=False,
                              validators=[Optional()])
    contenu = texte("Contenu")
    methode = liste("Méthode pédagogique", Methode)
    modalite = liste("Modalité de travail", Modalite)
    format = liste("Présentiel ou distanciel", Format)
    activites = texte("Activités des participants")
    ressources = texte("Ressources et supports")
    evaluation = texte("Évaluation")
    scenario_alternatif = texte("Scénario alternatif en cas de difficulté",
                                description="REAC CP10 : « prévoir des scénarii alternatifs ».")
