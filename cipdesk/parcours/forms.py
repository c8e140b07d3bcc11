"""Forms of the parcours module. Choices are set by the routes with `choix(...)`
(only active list values are offered)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from cipdesk.parcours.models import NatureVersion
from cipdesk.parcours.projet_rules import (Faisabilite, NatureAction, StatutAction,
                                           StatutDossierFormation, TypeConfrontation)
from cipdesk.parcours.rules import (MOTIFS_SORTIE, DevenirEtapes, ModeEntretien, Responsable,
                                    SituationSuivi, StatutEtape, TypeEntretien)
from cipdesk.web.formulaires import choix

REQUIS = "Ce champ est obligatoire."


def _sans_nul(valeur):
    """PostgreSQL refuses NUL characters in text: they never reach a service."""
    return valeur.replace("\x00", "") if isinstance(valeur, str) else valeur


class Formulaire(FlaskForm):
    """Base of the parcours forms: every field filtered of NUL characters."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filtres = (*unbound_field.kwargs.get("filters", ()), _sans_nul)
            return unbound_field.bind(form=form, **{**options, "filters": filtres})


class DateFr(DateField):
    """A date field (input type=date) with a French parse error."""

    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Date invalide : utilisez le format jj/mm/aaaa.") from None


class EntierFr(IntegerField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Saisissez un nombre entier.") from None


def _texte(libelle, requis=False, longueur=5000, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return TextAreaField(libelle, validators=[*validateurs, Length(max=longueur)], **kw)


def _select(libelle, choices=None, requis=True, **kw):
    return SelectField(libelle, choices=choices or [], validators=[DataRequired(REQUIS)] if requis else [],
                       validate_choice=False, **kw)


class OuvertureForm(Formulaire):
    dispositif_code = _select("Dispositif")
    referent_id = _select("Référent·e du parcours")
    debut = DateFr("Début du parcours", validators=[InputRequired(REQUIS)])
    fin_prevue = DateFr("Fin prévue", validators=[Optional()])
    objectifs = _texte("Objectifs du parcours", requis=True,
                       description="Tels que formulés avec la personne, à partir du diagnostic partagé.")
    engagements_personne = _texte("Engagements de la personne", requis=True)
    engagements_structure = _texte("Engagements de la structure", requis=True)


class ContratForm(Formulaire):
    version = HiddenField()
    nature = _select("Nature de la modification", choix(
        (n.value, n.libelle) for n in (NatureVersion.AVENANT, NatureVersion.RENOUVELLEMENT)))
    le = DateFr("Date de l'avenant ou du renouvellement", validators=[InputRequired(REQUIS)])
    motif = _texte("Motif", requis=True, longueur=2000)
    dispositif_code = _select("Dispositif")
    fin_prevue = DateFr("Fin prévue", validators=[Optional()])
    objectifs = _texte("Objectifs du parcours", requis=True)
    engagements_personne = _texte("Engagements de la personne", requis=True)
    engagements_structure = _texte("Engagements de la structure", requis=True)


class SignatureForm(Formulaire):
    signe_le = DateFr("Date de signature du contrat", validators=[InputRequired(REQUIS)])


class EtapeForm(Formulaire):
    type_code = _select("Type d'étape")
    intitule = StringField("Étape (ce qui est à faire)", validators=[DataRequired(REQUIS), Length(max=300)])
    responsable = _select("Qui en est responsable", choix(Responsable.choix()))
    partenaire = StringField("Partenaire (si un partenaire est responsable)",
                             validators=[Optional(), Length(max=200)])
    echeance = DateFr("Échéance", validators=[InputRequired(REQUIS)])
    frein_dimension_code = _select("Frein du diagnostic auquel l'étape répond", requis=False)
    objectif = StringField("Ou objectif du parcours auquel elle répond", validators=[Optional(), Length(max=300)])


class ReajustementForm(EtapeForm):
    version = HiddenField()
    le = DateFr("Date du réajustement", validators=[InputRequired(REQUIS)])
    motif = _texte("Pourquoi réajuster", requis=True, longueur=2000,
                   description="Ce qui a changé dans la situation ou le diagnostic de la personne.")


class StatutEtapeForm(Formulaire):
    version = HiddenField()
    statut = _select("Nouveau statut", choix(StatutEtape.choix()))
    le = DateFr("Date", validators=[InputRequired(REQUIS)])
    motif = StringField("Motif (obligatoire pour un abandon, une annulation, un report)",
                        validators=[Optional(), Length(max=500)])


class EntretienForm(Formulaire):
    le = DateFr("Date de l'entretien", validators=[InputRequired(REQUIS)])
    duree_minutes = EntierFr("Durée (minutes)", validators=[Optional(), NumberRange(5, 480, "Entre 5 et 480 minutes.")])
    mode = _select("Mode", choix(ModeEntretien.choix()))
    type_entretien = _select("Type d'entretien", choix(TypeEntretien.choix()))
    objectif = _texte("Objectif de l'entretien", requis=True, longueur=2000)
    synthese = _texte("Synthèse partageable avec la personne")
    progres = _texte("Points de progrès")
    decisions = _texte("Décisions")
    prochaines_actions = _texte("Prochaines actions")
    prochain_rdv_le = DateFr("Prochain rendez-vous", validators=[Optional()])
    note = _texte("Note confidentielle (chiffrée, lisible par vous seul·e)", longueur=20000,
                  description="Restez factuel·le : la personne peut demander à lire ce qui la concerne (RGPD).")


class ProjetForm(Formulaire):
    version = HiddenField()
    phase_code = _select("Phase de la méthodologie")
    interets = _texte("Intérêts")
    valeurs = _texte("Valeurs")
    motivations = _texte("Motivations")
    competences_transferables = _texte("Compétences transférables")
    qualites = _texte("Qualités")
    talents = _texte("Talents")


class MetierForm(Formulaire):
    rome_code = _select("Métier (code ROME)", requis=False)
    libelle = StringField("Ou métier décrit librement", validators=[Optional(), Length(max=200)])


class FaisabiliteForm(Formulaire):
    faisabilite = _select("Faisabilité", choix(Faisabilite.choix()))
    analyse_faisabilite = _texte("Ce qui fonde cette appréciation", longueur=3000)


class ConfrontationForm(Formulaire):
    type_confrontation = _select("Confrontation à la réalité", choix(TypeConfrontation.choix()))
    metier_id = _select("Métier concerné", requis=False)
    employeur = StringField("Employeur", validators=[Optional(), Length(max=200)])
    le = DateFr("Date (début)", validators=[InputRequired(REQUIS)])
    fin_le = DateFr("Fin (pour une immersion)", validators=[Optional()])
    resultat = _texte("Résultat")


class ValidationForm(Formulaire):
    version = HiddenField()
    projet_valide = _texte("Projet professionnel validé", requis=True)
    valide_le = DateFr("Validé le", validators=[InputRequired(REQUIS)])


class ActionForm(Formulaire):
    nature = _select("Nature de l'action", choix(NatureAction.choix()))
    intitule = StringField("Action", validators=[DataRequired(REQUIS), Length(max=300)])
    organisme = StringField("Organisme de formation ou employeur", validators=[Optional(), Length(max=200)])
    modalite = StringField("Modalité (présentiel, distanciel, alternance…)", validators=[Optional(), Length(max=120)])
    debut = DateFr("Début", validators=[Optional()])
    fin = DateFr("Fin", validators=[Optional()])
    financement_code = _select("Financement", requis=False)
    statut_dossier = _select("État du dossier de financement", requis=False)
    offre = StringField("Offre (pour une candidature)", validators=[Optional(), Length(max=300)])
    resultat = _texte("Résultat", longueur=2000)
    echeance = DateFr("Échéance", validators=[Optional()])

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.statut_dossier.choices = choix([("", "—"), *StatutDossierFormation.choix()])


class StatutActionForm(Formulaire):
    statut = _select("Statut", choix(StatutAction.choix()))
    resultat = StringField("Résultat", validators=[Optional(), Length(max=500)])


def choix_motifs():
    from cipdesk.parcours.rules import CategorieSortie

    lignes = []
    for categorie in CategorieSortie:
        lignes += [(code, f"{categorie.libelle} — {libelle}") for code, (libelle, cat) in MOTIFS_SORTIE.items()
                   if cat == categorie]
    return choix(lignes)


class SortieForm(Formulaire):
    version = HiddenField()
    sortie_le = DateFr("Date de sortie", validators=[InputRequired(REQUIS)])
    motif = _select("Motif de sortie (et sa catégorie)")
    precision = _texte("Précisions sur la sortie (employeur, contrat, formation…)", longueur=2000)
    bilan = _texte("Bilan du parcours", requis=True)
    devenir_etapes = _select("Que deviennent les étapes encore ouvertes ?", requis=False)
    relais_vers = StringField("Passage de relais : à qui", validators=[Optional(), Length(max=200)])
    relais_contenu = _texte("Ce qui est transmis", longueur=3000)
    relais_consentement = BooleanField("La personne consent à ce passage de relais")

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.motif.choices = choix_motifs()
        self.devenir_etapes.choices = choix([("", "—"), *DevenirEtapes.choix()])


class SuiviForm(Formulaire):
    mois = _select("Suivi", choix([("3", "À 3 mois"), ("6", "À 6 mois")]))
    fait_le = DateFr("Date du suivi", validators=[InputRequired(REQUIS)])
    situation = _select("Situation de la personne", choix(SituationSuivi.choix()))
    commentaire = StringField("Commentaire", validators=[Optional(), Length(max=500)])
