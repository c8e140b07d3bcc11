"""Evaluation of each objectif pédagogique per participant, and satisfaction à chaud (REAC CP10)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.evaluations.rules import NOTES_SATISFACTION, Moment, Resultat
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import StatutInscription
from cipdesk.core.erreurs import ErreurMetier


def evaluer(session: Session, inscription: Inscription, *, par, le: date,
            resultats: dict[uuid.UUID, tuple[Resultat | None, str]]) -> int:
    """REAC CP10 : « Évaluer l'atteinte des objectifs d'apprentissage ». An objective left
    without a result records nothing."""
    if inscription.statut != StatutInscription.INSCRIT:
        raise ErreurMetier("Seuls les participants inscrits sont évalués.")
    objectifs = {o.id for o in inscription.session.atelier.objectifs}
    existantes = {e.objectif_id: e for e in session.scalars(
        select(EvaluationObjectif).where(EvaluationObjectif.inscription_id == inscription.id))}
    nombre = 0
    for objectif_id, (resultat, commentaire) in resultats.items():
        if objectif_id not in objectifs or resultat is None:
            continue
        evaluation = existantes.get(objectif_id)
        if evaluation is None:
            evaluation = EvaluationObjectif(structure_id=inscription.structure_id, inscription_id=inscription.id,
                                            objectif_id=objectif_id, resultat=resultat)
            session.add(evaluation)
        evaluation.resultat, evaluation.commentaire = resultat, commentaire or ""
        evaluation.evalue_le, evaluation.evalue_par_id = le, par.id
        nombre += 1
    if not nombre:
        raise ErreurMetier("Choisissez un résultat pour au moins un objectif.")
    session.flush()
    return nombre


def ajouter_satisfaction(session: Session, sess: SessionAtelier, *, par, le: date, note: int | None,
                         commentaire: str, moment: Moment = Moment.A_CHAUD) -> Satisfaction:
    """REAC CP10 : « Mesurer la satisfaction des apprenants » (questionnaire papier saisi), à chaud
    or à froid; à froid only once the session has started."""
    if moment == Moment.A_FROID and (sess.debut is None or sess.debut > le):
        raise ErreurMetier("Un questionnaire à froid se saisit après la session.", "moment")
    if note not in NOTES_SATISFACTION:
        raise ErreurMetier("Choisissez une note de 1 à 4.", "note")
    satisfaction = Satisfaction(structure_id=sess.structure_id, session_id=sess.id, note=note, moment=moment,
                                commentaire=commentaire or "", saisi_le=le)
    session.add(satisfaction)
    session.flush()
    return satisfaction


