"""The figures of the bilan of a session: attendance rate, objectives reached per objective,
satisfaction (REAC CP10 : « Le bilan de l'atelier est rédigé de manière claire et précise »)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cipdesk.ateliers.bilan.models import BilanAtelier
from cipdesk.ateliers.conception.models import ObjectifPedagogique
from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.evaluations.queries import satisfaction_par_moment
from cipdesk.ateliers.evaluations.rules import Moment, Resultat, repartition
from cipdesk.ateliers.presences.queries import statuts_de_la_session
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.presences.rules import VENU, est_venu, taux
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
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


@dataclass(frozen=True)
class LigneSession:
    session_id: object
    debut: object
    inscrits: int
    taux_presence: float | None
    satisfaction: dict   # Moment -> (answers, mean)
    bilan_redige: bool


@dataclass(frozen=True)
class IndicateursAtelier:
    """The figures of an atelier over all its sessions (issue #12, points 9 and 10): figures
    only, never a name (the chef de service reads them)."""
    sessions: list[LigneSession]
    inscrits: int
    taux_presence: float | None
    objectifs: list[tuple[ObjectifPedagogique, dict[Resultat, int]]]
    satisfaction: list[tuple[Moment, int, float | None]]


def indicateurs_atelier(session: Session, atelier, sessions: list[SessionAtelier]) -> IndicateursAtelier:
    """Five grouped queries whatever the number of sessions."""
    ids = [s.id for s in sessions]
    inscrits = dict(session.execute(
        select(Inscription.session_id, func.count(Inscription.id))
        .where(Inscription.session_id.in_(ids), Inscription.statut == StatutInscription.INSCRIT)
        .group_by(Inscription.session_id)).all()) if ids else {}
    presences = {sid: (venus, saisis) for sid, venus, saisis in session.execute(
        select(DemiJournee.session_id, func.sum(case((Presence.statut.in_(tuple(VENU)), 1), else_=0)),
               func.count(Presence.id))
        .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
        .join(Inscription, Inscription.id == Presence.inscription_id)
        .where(DemiJournee.session_id.in_(ids), Inscription.statut == StatutInscription.INSCRIT)
        .group_by(DemiJournee.session_id)).all()} if ids else {}
    satisfaction: dict = {}
    for sid, moment, n, somme in (session.execute(
            select(Satisfaction.session_id, Satisfaction.moment, func.count(Satisfaction.id), func.sum(Satisfaction.note))
            .where(Satisfaction.session_id.in_(ids)).group_by(Satisfaction.session_id, Satisfaction.moment)).all()
            if ids else []):
        satisfaction.setdefault(sid, {})[moment] = (n, int(somme or 0))
    resultats: dict = {}
    for objectif_id, resultat, n in (session.execute(
            select(EvaluationObjectif.objectif_id, EvaluationObjectif.resultat, func.count(EvaluationObjectif.id))
            .join(Inscription, Inscription.id == EvaluationObjectif.inscription_id)
            .where(Inscription.session_id.in_(ids)).group_by(EvaluationObjectif.objectif_id,
                                                              EvaluationObjectif.resultat)).all() if ids else []):
        resultats.setdefault(objectif_id, {})[resultat] = n
    rediges = set(session.scalars(select(BilanAtelier.session_id).where(BilanAtelier.session_id.in_(ids)))) \
        if ids else set()

    def _moyenne(n: int, somme: int) -> float | None:
        return round(somme / n, 1) if n else None

    lignes = [LigneSession(s.id, s.debut, inscrits.get(s.id, 0),
                           taux(*(int(x or 0) for x in presences.get(s.id, (0, 0)))),
                           {m: (n, _moyenne(n, somme)) for m, (n, somme) in satisfaction.get(s.id, {}).items()},
                           s.id in rediges) for s in sessions]
    venus = sum(int(v or 0) for v, _s in presences.values())
    saisis = sum(int(s or 0) for _v, s in presences.values())
    par_moment = []
    for m in Moment:
        n = sum(satisfaction.get(sid, {}).get(m, (0, 0))[0] for sid in ids)
        somme = sum(satisfaction.get(sid, {}).get(m, (0, 0))[1] for sid in ids)
        par_moment.append((m, n, _moyenne(n, somme)))
    objectifs = [(o, {r: resultats.get(o.id, {}).get(r, 0) for r in Resultat}) for o in atelier.objectifs]
    return IndicateursAtelier(lignes, sum(inscrits.values()), taux(venus, saisis), objectifs, par_moment)
