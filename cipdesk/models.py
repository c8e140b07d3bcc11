"""Imports every module's models so that the metadata (and Alembic) sees them all."""
from cipdesk.accueil.diagnostic_models import Diagnostic, DiagnosticDimension, DimensionDiagnostic  # noqa: F401
from cipdesk.accueil.models import Accueil, Partenaire, Urgence  # noqa: F401
from cipdesk.accueil.suivi_models import Orientation, ParticipantReunion, ReunionInformation, Synthese  # noqa: F401
from cipdesk.comptes.models import (Equipe, ProfilCandidat, SessionConnexion, Structure,  # noqa: F401
                                    TentativeConnexion, Utilisateur)
from cipdesk.competences.models import AutoEvaluation, PreuveCompetence  # noqa: F401
from cipdesk.notes.models import NoteConfidentielle, NoteLecteur  # noqa: F401
from cipdesk.personnes.models import Personne  # noqa: F401
from cipdesk.security.audit import JournalAudit  # noqa: F401
from cipdesk.security.keys import CleDonnees  # noqa: F401
from cipdesk.parcours.models import Entretien, Etape, EtapeEvenement, Parcours, VersionContrat  # noqa: F401
from cipdesk.parcours.projet_models import ActionPlan, Confrontation, MetierExplore, Projet  # noqa: F401
from cipdesk.parcours.sortie_models import Sortie, SuiviSortie  # noqa: F401
