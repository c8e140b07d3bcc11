"""The figures of the bilan of a session: attendance rate, objectives reached per objective,
satisfaction (REAC CP10 : « Le bilan de l'atelier est rédigé de manière claire et précise »)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.bilan.models import BilanAtelier
from cipdesk.ateliers.conception.models import ObjectifPedagogique
from cipdesk.ateliers.evaluations.models import EvaluationObjectif
from cipdesk.ateliers.evaluations.queries import satisfaction_par_moment
from cipdesk.ateliers.evaluations.rules import Moment, Resultat, repartition
from cipdesk.ateliers.presences.queries import statuts_de_la_session
from cipdesk.ateliers.presences.rules import est_venu, taux
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import StatutInscription


@dataclass(frozen=True)
class Indicateurs:
    inscrits: int
    attente: int
    demi_journees_saisies: int
    taux_presence: float | None
    objectifs: list[tuple[ObjectifPedagogique, dict[Resultat, int]]]
    satisfaction: list[tuple[Moment, int, float | None]]   # à chaud, à froid: answers, mean


def indicateurs(session: Session, sess: SessionAtelier) -> Indicateurs:
    """Figures only: no name (the chef de service sees them)."""
    inscrits = [i for i in sess.inscriptions if i.statut == StatutInscription.INSCRIT]
    attente = sum(1 for i in sess.inscriptions if i.statut == StatutInscription.ATTENTE)
    statuts = statuts_de_la_session(session, sess)
    ids = {i.id for i in inscrits}
    saisis = [s for (i, _d), s in statuts.items() if i in ids]
    demi_saisies = len({d for (_i, d) in statuts})
    resultats: dict = {}
    for objectif_id, resultat in session.execute(
            select(EvaluationObjectif.objectif_id, EvaluationObjectif.resultat)
            .join(Inscription, Inscription.id == EvaluationObjectif.inscription_id)
            .where(Inscription.session_id == sess.id)).all():
        resultats.setdefault(objectif_id, []).append(resultat)
    objectifs = [(o, repartition(resultats.get(o.id, []))) for o in sess.atelier.objectifs]
    return Indicateurs(len(inscrits), attente, demi_saisies, taux(sum(1 for s in saisis if est_venu(s)), len(saisis)),
                       objectifs, satisfaction_par_moment(session, sess))


def bilan_de(session: Session, sess: SessionAtelier) -> BilanAtelier | None:
    return session.scalar(select(BilanAtelier).where(BilanAtelier.session_id == sess.id))
