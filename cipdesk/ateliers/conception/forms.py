"""Forms of the design (analyse de la demande, cahier des charges, objectifs, séquences), and
the small field types the other forms of the module share."""
from __future__ import annotations

from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine

from cipdesk.web.champs import (REQUIS, DateFr, EntierFr, Formulaire, HeureFr, entier,  # noqa: F401 (shared)
                                liste, texte)


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
    version = HiddenField()
    capacite = texte("Le participant sera capable de", requis=True, longueur=1000)
    conditions = texte("Dans quelles conditions", longueur=1000)
    critere = texte("Critère de réussite", longueur=1000)
    modalite_evaluation = texte("Comment l'atteinte est évaluée", requis=True, longueur=1000,
                                description="REAC CP9 : « Le dispositif d'évaluation est en adéquation avec les "
                                            "objectifs à atteindre ».")


class SequenceForm(Formulaire):
    version = HiddenField()
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
