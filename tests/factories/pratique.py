"""« Ma pratique » records of `monde.conseiller`, through the real use cases: an analysis, a
practice group, an incident with the public and a workload alert."""
from __future__ import annotations

from datetime import date

VALEURS = {"titre": "Un entretien tendu", "situation": "Entretien de suivi en bureau individuel.",
           "faits": "La personne arrive en retard et veut arrêter l'accompagnement.",
           "opinions": "Elle se sentait jugée.", "emotions": "De l'agacement puis du soulagement.",
           "facteurs": "Un plan d'action trop chargé.", "points_forts": "J'ai changé de posture à temps.",
           "difficultes": "Tenir le cadre.", "ajustements": "Une démarche à la fois.",
           "autrement": "Commencer par écouter."}


def analyse(ctx, auteur, *, aujourd_hui: date | None = None, **autres):
    from cipdesk.pratique.analyses.services import ecrire_analyse

    jour = aujourd_hui or date.today()
    return ecrire_analyse(ctx, auteur=auteur, valeurs={**VALEURS, **autres.pop("valeurs", {})},
                          situation_le=autres.pop("situation_le", jour), aujourd_hui=jour, **autres)


def objets_pratique(ctx, monde) -> dict:
    from cipdesk.pratique.analyses.models import TypeSeance
    from cipdesk.pratique.analyses.services import enregistrer_seance
    from cipdesk.pratique.prevention.services import alerter_mon_chef, declarer_incident

    jour = date.today()
    a = analyse(ctx, monde.conseiller)
    seance = enregistrer_seance(ctx, organisateur=monde.conseiller, type_seance=TypeSeance.GEASE, le=jour,
                                animateur="Superviseure", participants=[], participants_externes="",
                                aujourd_hui=jour)
    incident = declarer_incident(ctx, auteur=monde.conseiller, survenu_le=jour, nature="menace",
                                 contexte="Menaces à l'accueil.", soutien="", declare=False, aujourd_hui=jour)
    alerte = alerter_mon_chef(ctx, auteur=monde.conseiller, message="Trop de dossiers.", aujourd_hui=jour)
    ctx.commit()
    return {"analyse": a.id, "seance": seance.id, "incident": incident.id, "alerte": alerte.id}
