from __future__ import annotations

from cipdesk.pratique.prevention.models import NatureIncident
from cipdesk.web.champs import DateFr, Formulaire, liste, selection_a_choisir, texte


class IncidentForm(Formulaire):
    survenu_le = DateFr("Date de l'incident")
    nature = liste("Nature de l'incident", NatureIncident, requis=False)
    contexte = texte("Contexte (sans nom de personne)", longueur=4000,
                     description="Où, pendant quelle activité, ce qui s'est passé ; pas de nom de la personne.")
    soutien = texte("Soutien reçu", longueur=4000,
                    description="Collègues, chef·fe de service, médecin du travail, psychologue, dépôt de plainte…")
    # Nothing pre-selected: « déclaré » is counted (issue #10: no default on a figure).
    declare = selection_a_choisir("Incident déclaré (registre de sécurité, accident du travail, main courante…)",
                                  (("oui", "Oui, déclaré"), ("non", "Non déclaré")),
                                  requis="Indiquez si l'incident a été déclaré.")


class AlerteForm(Formulaire):
    message = texte("Message à votre chef·fe de service (facultatif)", longueur=2000,
                    description="Ce qui vous pèse, ce dont vous auriez besoin.")


class PriseEnCompteForm(Formulaire):
    reponse = texte("Ce qui est décidé", longueur=2000,
                    description="Rendez-vous, répartition de la file active, soutien proposé…")
