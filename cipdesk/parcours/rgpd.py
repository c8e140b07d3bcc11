"""What the module holds about a person, for the right of access and the erasure
(issue #18; security/rgpd.py): its own records, each under its record-kind code."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.parcours.contrat.models import Parcours, VersionContrat
from cipdesk.parcours.etapes.models import Etape, EtapeEvenement
from cipdesk.parcours.entretiens.models import Entretien, EntretienVersion
from cipdesk.parcours.projet.models import ActionPlan, Confrontation, MetierExplore, Projet
from cipdesk.parcours.sortie.models import Sortie, SuiviSortie

EXPORT = (rgpd.exporter(
    ("parcours", "parcours contractualisé", Parcours),
    ("version_contrat", "version du contrat d'engagement", VersionContrat),
    ("etape", "étape de parcours", Etape),
    ("etape_evenement", "historique d'une étape", EtapeEvenement),
    ("entretien", "entretien de suivi", Entretien),
    ("entretien_version", "version antérieure d'un entretien", EntretienVersion),
    ("projet", "projet professionnel", Projet),
    ("metier_explore", "métier exploré", MetierExplore),
    ("confrontation", "confrontation à la réalité du métier", Confrontation),
    ("action_plan", "action du plan d'action", ActionPlan),
    ("sortie", "sortie du parcours", Sortie),
    ("suivi_sortie", "suivi après la sortie", SuiviSortie),
),)
EFFACEMENT = (rgpd.effacer(Parcours, VersionContrat, Etape, EtapeEvenement, Entretien, EntretienVersion, Projet, MetierExplore, Confrontation, ActionPlan, Sortie, SuiviSortie),)
