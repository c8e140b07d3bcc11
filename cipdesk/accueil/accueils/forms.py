"""Forms of the accueil individuel (French messages; choices built with `choix` / `avec_vide`)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import InputRequired, Optional

from cipdesk.accueil.accueils.models import INFORMATIONS, Concordance, ModeAccueil, SuiteAccueil, TypeUrgence
from cipdesk.web.champs import CasesACocher, DateFr, ligne, selection, selection_a_choisir, texte
from cipdesk.web.formulaires import choix


def _urgence_champs():
    champs = {}
    for t in TypeUrgence:
        champs[f"urgence_{t.value}"] = BooleanField(f"Urgence repérée : {t.libelle.lower()}")
        champs[f"urgence_{t.value}_contact"] = ligne("Qui a été appelé", longueur=300)
        champs[f"urgence_{t.value}_action"] = texte("Action menée sur le moment", longueur=3000)
        champs[f"urgence_{t.value}_differee"] = BooleanField(
            "Action impossible sur le moment : l'urgence reste en alerte")
    return champs


class AccueilForm(FlaskForm):
    date_accueil = DateFr("Date de l'accueil", validators=[InputRequired("La date de l'accueil est obligatoire.")])
    mode = selection("Mode d'accueil", [(m.value, m.libelle) for m in ModeAccueil])
    demande_exprimee = texte("Demande exprimée", requis=True,
                             description="Avec les mots de la personne.")
    commande_prescripteur = texte("Commande du prescripteur", longueur=3000)
    # Optional (feeds no funder figure): left empty, it is stored as « non renseigné » (NULL).
    concordance = selection_a_choisir("La commande rejoint-elle la demande ?",
                                      [(c.value, c.libelle) for c in Concordance])
    informations = CasesACocher("Informations données", choices=choix(INFORMATIONS.items()), validate_choice=False)
    informations_precisions = texte("Précisions sur les informations données", longueur=3000)
    suite = selection("Suite donnée", [(s.value, s.libelle) for s in SuiteAccueil])
    suite_motif = texte("Motif ou précisions sur la suite", longueur=2000)
    prochain_rdv_le = DateFr("Prochain rendez-vous", validators=[Optional()])


for _nom, _champ in _urgence_champs().items():  # FormMeta accepts fields added after the class body
    setattr(AccueilForm, _nom, _champ)


class TraitementUrgenceForm(FlaskForm):
    le = DateFr("Date de l'action", validators=[InputRequired("La date de l'action est obligatoire.")])
    contact = ligne("Qui a été appelé", longueur=300)
    action = texte("Action menée", requis=True, longueur=3000)


class NoteForm(FlaskForm):
    """A confidential note attached to an accueil or a synthèse. Its length and
    content rules are the notes module's (checked by its receiver of `note_ecrite`)."""
    contenu = texte("Contenu de la note confidentielle", requis=True, longueur=100_000,
                    description="Restez factuel·le : la personne peut demander à lire ce qui la concerne (RGPD).")
