"""What the module holds about a person, for the right of access and the erasure
(issue #18; security/rgpd.py): its own records, each under its record-kind code."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.ateliers.sessions.models import Inscription
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.evaluations.models import EvaluationObjectif

EXPORT = (rgpd.exporter(
    ("inscription_atelier", "inscription à un atelier", Inscription),
    ("presence_atelier", "présence à un atelier", Presence),
    ("evaluation_atelier", "évaluation d'un objectif d'atelier", EvaluationObjectif),
),)
EFFACEMENT = (rgpd.effacer(Inscription, Presence, EvaluationObjectif),)
