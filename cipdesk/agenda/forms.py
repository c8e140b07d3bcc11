"""Forms of the agenda. No choice is preselected (nature, modality, attendance, consent)."""
from __future__ import annotations

from wtforms import HiddenField, RadioField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from cipdesk.agenda.rules import MODES_CONSENTEMENT, Modalite, NatureRdv, Presence
from cipdesk.web.champs import REQUIS, DateFr, EntierFr, Formulaire, HeureFr, ligne, texte
from cipdesk.web.formulaires import avec_vide, choix


class RendezVousForm(Formulaire):
    personne = SelectField("Personne reçue", validators=[Optional()], validate_choice=False,
                           description="Aucune pour une visite d'employeur.")
    nature = SelectField("Type de rendez-vous", choices=avec_vide(NatureRdv.choix()),
                         validators=[InputRequired(REQUIS)], validate_choice=False)
    le = DateFr("Date", validators=[InputRequired(REQUIS)])
    heure = HeureFr("Heure", validators=[InputRequired(REQUIS)])
    duree = EntierFr("Durée (minutes)", validators=[InputRequired(REQUIS), NumberRange(5, 480, "Entre 5 et 480 minutes.")])
    modalite = SelectField("Lieu ou modalité", choices=avec_vide(Modalite.choix()), validators=[InputRequired(REQUIS)],
                           validate_choice=False)
    lieu = ligne("Précision du lieu", longueur=300,
                 description="Salle, adresse de l'entreprise, lien de visioconférence ou numéro appelé.")
    a_apporter = texte("À apporter (figure sur la convocation)", longueur=500)
    motif = texte("Motif (chiffré)", longueur=2000)
    commentaire = texte("Commentaire (chiffré)", longueur=5000)

    def valider_choix(self) -> dict[str, str]:
        erreurs = {}
        if self.nature.data and self.nature.data not in {c for c, _ in NatureRdv.choix()}:
            erreurs["nature"] = "Choisissez un type de rendez-vous de la liste."
        if self.modalite.data and self.modalite.data not in {c for c, _ in Modalite.choix()}:
            erreurs["modalite"] = "Choisissez un lieu ou une modalité de la liste."
        if self.personne is not None and self.personne.data and self.personne.data not in {c.value for c in self.personne.choices if c.value}:
            erreurs["personne"] = "Choisissez une personne de votre file active."
        return erreurs


class ModifierRendezVousForm(RendezVousForm):
    personne = None
    version = HiddenField()


class PresenceForm(Formulaire):
    presence = RadioField("Présence", choices=choix(Presence.choix()), validators=[InputRequired(REQUIS)],
                          validate_choice=False)


class ConsentementForm(Formulaire):
    accorde = RadioField("La personne accepte-t-elle de recevoir par e-mail ses convocations et rappels ?",
                         choices=choix([("oui", "Oui"), ("non", "Non")]), validators=[InputRequired(REQUIS)],
                         validate_choice=False)
    mode = RadioField("Comment la réponse a-t-elle été recueillie ?", choices=choix(MODES_CONSENTEMENT.items()),
                      validators=[InputRequired(REQUIS)], validate_choice=False)


class ReglagesForm(Formulaire):
    heures = EntierFr("Délai du rappel (heures avant le rendez-vous)",
                      validators=[InputRequired(REQUIS), NumberRange(1, 168, "Entre 1 et 168 heures.")])
    adresse = StringField("Adresse de la structure (figure sur les convocations)",
                          validators=[Optional(), Length(max=300, message="300 caractères au plus.")])
    telephone = StringField("Numéro à appeler en cas d'empêchement",
                            validators=[Optional(), Length(max=40, message="40 caractères au plus.")])
