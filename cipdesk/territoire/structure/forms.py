"""Form of the structure's profile."""
from __future__ import annotations

from wtforms import HiddenField

from cipdesk.web.champs import Formulaire, ligne, texte


class ProfilStructureForm(Formulaire):
    statut = ligne("Statut", requis=True, description="Exemple : association loi 1901, établissement public, SCIC…")
    missions = texte("Missions", requis=True)
    offre_services = texte("Offre de services", description="Ce que la structure propose aux personnes et aux employeurs.")
    financeurs = texte("Financeurs et dispositifs financés",
                       description="Une ligne par financeur : « Financeur — dispositifs financés ».")
    publics = texte("Publics accueillis", description="Caractéristiques du public : âge, situation, prescripteurs…")
    modalites_accueil = texte("Modalités d'accueil", description="Lieux, horaires, accueil sur rendez-vous ou libre, à distance…")
    equipe = texte("Équipe", description="Composition, fonctions, équipe pluridisciplinaire.")
    version = HiddenField()
