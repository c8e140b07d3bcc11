"""Imports every module's models so that the metadata (and Alembic) sees them all."""
from cipdesk.comptes.models import Equipe, ProfilCandidat, Structure, TentativeConnexion, Utilisateur  # noqa: F401
from cipdesk.competences.models import PreuveCompetence  # noqa: F401
from cipdesk.notes.models import NoteConfidentielle, NoteLecteur  # noqa: F401
from cipdesk.personnes.models import Personne  # noqa: F401
from cipdesk.security.audit import JournalAudit  # noqa: F401
from cipdesk.security.keys import CleDonnees  # noqa: F401
