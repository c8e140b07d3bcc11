"""Every table of the ateliers module, imported in one place (the module declaration and
the migrations see them all)."""
from cipdesk.ateliers.bilan.models import BilanAtelier
from cipdesk.ateliers.conception.models import Atelier, ObjectifPedagogique, Sequence
from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.questionnaire.models import LienQuestionnaire
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier

__all__ = ["Atelier", "BilanAtelier", "DemiJournee", "EvaluationObjectif", "Inscription", "LienQuestionnaire",
           "ObjectifPedagogique",
           "Presence", "Satisfaction", "Sequence", "SessionAtelier"]
