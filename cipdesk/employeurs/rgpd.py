"""What the module holds about a person, for the right of access and the erasure
(issue #18; security/rgpd.py): its own records, each under its record-kind code."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.employeurs.profils.models import ProfilEmploi
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.employeurs.candidatures.models import Candidature, TransitionCandidature
from cipdesk.employeurs.mesures.models import MesureMobilisee
from cipdesk.employeurs.immersions.models import Immersion

EXPORT = (rgpd.exporter(
    ("profil_emploi", "profil de recherche d'emploi", ProfilEmploi),
    ("interaction_entreprise", "échange avec un employeur", Interaction),
    ("candidature", "candidature", Candidature),
    ("transition_candidature", "historique d'une candidature", TransitionCandidature),
    ("mesure_mobilisee", "mesure mobilisée pour une embauche", MesureMobilisee),
    ("immersion", "immersion (PMSMP)", Immersion),
),)
EFFACEMENT = (rgpd.effacer(ProfilEmploi, Interaction, Candidature, TransitionCandidature, MesureMobilisee, Immersion),)
