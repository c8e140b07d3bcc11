from __future__ import annotations

from cipdesk.droits.models import ModeRemise
from cipdesk.web.champs import DateFr, Formulaire, entier, ligne, selection_a_choisir, texte


class NoticeForm(Formulaire):
    remise_le = DateFr("Date de remise")
    # Nothing pre-selected: how the notice was given is the professional's statement.
    mode = selection_a_choisir("Comment la notice a été remise", tuple(ModeRemise.LIBELLES.items()),
                               requis="Indiquez comment la notice a été remise.")


class DemandeForm(Formulaire):
    demandee_le = DateFr("Date de la demande de la personne")


class DecisionForm(Formulaire):
    inclure = selection_a_choisir("Communiquer le texte de cette note à la personne ?",
                                  (("oui", "Oui, le texte est communiqué"), ("non", "Non, seule son existence l'est")),
                                  requis="Choisissez si le texte de la note est communiqué.")


class EffacementForm(Formulaire):
    motif = texte("Motif de l'effacement", longueur=500,
                  description="La demande de la personne et pourquoi la loi le permet (aucune obligation de "
                              "conservation en cours, accompagnement terminé…).")
    confirmation = ligne("Recopiez le nom de famille de la personne pour confirmer", longueur=120)


class AccesExceptionnelForm(Formulaire):
    motif = texte("Motif de l'accès exceptionnel", longueur=500,
                  description="Pourquoi vous devez lire ce dossier hors de votre équipe. Le motif est montré au "
                              "référent de la personne et gardé au journal d'audit.")


class ConservationForm(Formulaire):
    conservation = entier("Conservation des dossiers (mois après le dernier contact)", mini=0, maxi=1000,
                          requis=False)
    provenance = entier("Conservation des adresses IP et navigateurs du journal (mois)", mini=0, maxi=1000,
                        requis=False)
    journal = entier("Conservation du journal des accès (mois)", mini=0, maxi=1000, requis=False)
