"""What the module holds about a person, for the right of access and the erasure
(issue #18; security/rgpd.py): its own records, each under its record-kind code."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.accueil.accueils.models import Accueil, Urgence
from cipdesk.accueil.reunions.models import ParticipantReunion
from cipdesk.accueil.diagnostic.models import Diagnostic, DiagnosticDimension
from cipdesk.accueil.synthese.models import Synthese
from cipdesk.accueil.orientation.models import Orientation

EXPORT = (rgpd.exporter(
    ("accueil", "accueil individuel", Accueil),
    ("urgence", "urgence repérée lors d'un accueil", Urgence),
    ("participant_reunion", "participation à une réunion d'information", ParticipantReunion),
    ("diagnostic", "diagnostic partagé", Diagnostic),
    ("dimension_diagnostic", "dimension du diagnostic partagé", DiagnosticDimension),
    ("synthese", "synthèse d'entretien", Synthese),
    ("orientation", "orientation vers un partenaire", Orientation),
),)
EFFACEMENT = (rgpd.effacer(Accueil, Urgence, ParticipantReunion, Diagnostic, DiagnosticDimension, Synthese, Orientation),)
