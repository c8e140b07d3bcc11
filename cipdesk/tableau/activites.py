"""Indicators of the other activities of the team (issue #17, point 1): ateliers (CP9-CP10),
prospection and recruitment (CP12-CP13), intégration (CP14). Read from those modules'
`models` only (import contract), in the same row shape as `queries` (cle, personne_id,
objet_id, le, valeur), so that each figure leads to its list.

Records about a person (attendance, evaluation, candidature, intégration) go through the
chef's perimeter and every filter; records without a person (a session, a satisfaction
questionnaire — anonymous —, an exchange with an employer, an offer) are those of the
team's conseillers (the « conseiller » filter applies, the filters on people do not)."""
from __future__ import annotations

import uuid

from sqlalchemy import String, case, cast, func, literal, or_, select, union_all

from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Resultat, Satisfaction  # noqa: F401 (Resultat: the keys)
from cipdesk.ateliers.presences.models import Presence, StatutPresence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.employeurs.candidatures.models import EtatCandidature, TransitionCandidature, Candidature
from cipdesk.employeurs.interactions.models import Interaction, NatureInteraction
from cipdesk.employeurs.offres.models import FicheDePoste, Offre, StatutOffre
from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.suivis.models import StatutSuivi, SuiviIntegration
from cipdesk.personnes.models import Personne
from cipdesk.pratique.prevention.models import IncidentPublic, NatureIncident  # noqa: F401 (the keys)
from cipdesk.tableau.lignes import lignes, personnes_retenues


def conseillers_retenus(ctx) -> list[uuid.UUID]:
    """The team's conseillers the filters keep (records without a person)."""
    if ctx.filtres.conseiller:
        return [i for i in ctx.conseillers if str(i) == ctx.filtres.conseiller]
    return list(ctx.conseillers)


# -- ateliers ------------------------------------------------------------------------------
def presences(ctx):
    f = ctx.filtres
    return (select(*lignes(Presence.statut, Inscription.personne_id, Presence.id, DemiJournee.le))
            .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
            .join(Inscription, Inscription.id == Presence.inscription_id)
            .join(Personne, Personne.id == Inscription.personne_id)
            .where(*personnes_retenues(ctx), DemiJournee.le.between(f.debut, f.fin)))


def groupes_presences(ctx) -> dict:
    return {"venus": ("Présences (à l'heure ou en retard)", [StatutPresence.PRESENT.value,
                                                             StatutPresence.RETARD.value])}


def objectifs(ctx):
    f = ctx.filtres
    return (select(*lignes(EvaluationObjectif.resultat, Inscription.personne_id, EvaluationObjectif.id,
                            EvaluationObjectif.evalue_le))
            .join(Inscription, Inscription.id == EvaluationObjectif.inscription_id)
            .join(Personne, Personne.id == Inscription.personne_id)
            .where(*personnes_retenues(ctx), EvaluationObjectif.evalue_le.between(f.debut, f.fin)))


def sessions(ctx):
    """Sessions animated by the team with at least one half-day in the period (one row each)."""
    f = ctx.filtres
    return (select(*lignes(SessionAtelier.animateur_id, None, SessionAtelier.id, func.min(DemiJournee.le)))
            .join(DemiJournee, DemiJournee.session_id == SessionAtelier.id)
            .where(SessionAtelier.structure_id == ctx.structure_id,
                   SessionAtelier.animateur_id.in_(conseillers_retenus(ctx)),
                   DemiJournee.le.between(f.debut, f.fin))
            .group_by(SessionAtelier.animateur_id, SessionAtelier.id))


def satisfaction(ctx):
    """Anonymous questionnaires (entered from paper) of the team's sessions, by mark 1 to 4."""
    f = ctx.filtres
    return (select(*lignes(cast(Satisfaction.note, String), None,
                            Satisfaction.id, Satisfaction.saisi_le, Satisfaction.note))
            .join(SessionAtelier, SessionAtelier.id == Satisfaction.session_id)
            .where(SessionAtelier.structure_id == ctx.structure_id,
                   SessionAtelier.animateur_id.in_(conseillers_retenus(ctx)),
                   Satisfaction.saisi_le.between(f.debut, f.fin)))


# -- prospection and recruitment -------------------------------------------------------------
def echanges(ctx):
    f = ctx.filtres
    return (select(*lignes(Interaction.nature, Interaction.personne_id, Interaction.id, Interaction.le))
            .where(Interaction.structure_id == ctx.structure_id,
                   Interaction.conseiller_id.in_(conseillers_retenus(ctx)), Interaction.le.between(f.debut, f.fin)))


def offres(ctx):
    """Offers opened in the period from a fiche de poste written by the team, by status today."""
    f = ctx.filtres
    return (select(*lignes(Offre.statut, None, Offre.id, Offre.ouverte_le))
            .join(FicheDePoste, FicheDePoste.id == Offre.fiche_id)
            .where(Offre.structure_id == ctx.structure_id,
                   FicheDePoste.redigee_par_id.in_(conseillers_retenus(ctx)),
                   Offre.ouverte_le.between(f.debut, f.fin)))


def candidatures(ctx):
    """Candidatures of the team's people proposed in the period, and hires in the period
    (the dated log of each candidature)."""
    f = ctx.filtres
    base = (select().select_from(TransitionCandidature)
            .join(Candidature, Candidature.id == TransitionCandidature.candidature_id)
            .join(Personne, Personne.id == Candidature.personne_id)
            .where(*personnes_retenues(ctx), TransitionCandidature.le.between(f.debut, f.fin)))
    proposees = base.add_columns(*lignes(literal("proposees"), Candidature.personne_id, Candidature.id,
                                          TransitionCandidature.le)).where(TransitionCandidature.de.is_(None))
    embauches = base.add_columns(*lignes(literal("embauches"), Candidature.personne_id, Candidature.id,
                                          TransitionCandidature.le)).where(
        TransitionCandidature.vers == EtatCandidature.EMBAUCHE)
    return union_all(proposees, embauches)


# -- intégration ---------------------------------------------------------------------------------
def points_integration(ctx):
    """Follow-up points planned in the period and due by today: done, or missed."""
    f = ctx.filtres
    cle = case((PointSuivi.fait_le.is_not(None), "faits"), else_="manques")
    return (select(*lignes(cle, SuiviIntegration.personne_id, PointSuivi.id, PointSuivi.prevu_le))
            .join(SuiviIntegration, SuiviIntegration.id == PointSuivi.suivi_id)
            .join(Personne, Personne.id == SuiviIntegration.personne_id)
            .where(*personnes_retenues(ctx), PointSuivi.prevu_le.between(f.debut, f.fin),
                   or_(PointSuivi.fait_le.is_not(None), PointSuivi.prevu_le < ctx.aujourd_hui)))


def integrations(ctx):
    """Intégrations followed during the period (started before its end, not ended before its
    start), by status today: in progress, ended with a bilan, broken off (rupture)."""
    f = ctx.filtres
    return (select(*lignes(SuiviIntegration.statut, SuiviIntegration.personne_id, SuiviIntegration.id,
                            SuiviIntegration.debut))
            .join(Personne, Personne.id == SuiviIntegration.personne_id)
            .where(*personnes_retenues(ctx), SuiviIntegration.debut <= f.fin,
                   or_(SuiviIntegration.bilan_le.is_(None), SuiviIntegration.bilan_le >= f.debut)))


def enum_cles(enum):
    return lambda ctx: [(m.value, m.libelle) for m in enum]


# -- prévention (issue #15's records, read from pratique's models) ----------------------------------
def incidents(ctx):
    """Incidents with the public the team's conseillers recorded in the period, by nature: a
    count and the date, never what happened (encrypted, for its author and the chef on its page)."""
    f = ctx.filtres
    return (select(*lignes(IncidentPublic.nature, None, IncidentPublic.id, IncidentPublic.survenu_le))
            .where(IncidentPublic.structure_id == ctx.structure_id,
                   IncidentPublic.auteur_id.in_(conseillers_retenus(ctx)),
                   IncidentPublic.survenu_le.between(f.debut, f.fin)))
