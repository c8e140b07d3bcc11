"""What the module holds about a person, for the right of access and the erasure
(issue #18; security/rgpd.py): its own records, each under its record-kind code."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.mediations.models import Mediation

EXPORT = (rgpd.exporter(
    ("suivi_integration", "suivi d'intégration", SuiviIntegration),
    ("point_integration", "point de suivi dans l'emploi", PointSuivi),
    ("mediation_integration", "médiation entre la personne et l'employeur", Mediation),
),)
EFFACEMENT = (rgpd.effacer(SuiviIntegration, PointSuivi, Mediation),)
