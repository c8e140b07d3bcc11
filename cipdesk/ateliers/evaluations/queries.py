"""Queries of the evaluations: a participant's results, the timeline, satisfaction figures."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.evaluations.rules import Moment
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.core.contrat import Evenement
from cipdesk.personnes.models import Personne


def evaluations_de(session: Session, inscription: Inscription) -> dict[uuid.UUID, EvaluationObjectif]:
    return {e.objectif_id: e for e in session.scalars(
        select(EvaluationObjectif).where(EvaluationObjectif.inscription_id == inscription.id))}


def satisfaction_par_moment(session: Session, sess: SessionAtelier) -> list[tuple[Moment, int, float | None]]:
    """(moment, answers, mean) for à chaud and à froid (one query)."""
    lignes = {m: (n, moyenne) for m, n, moyenne in session.execute(
        select(Satisfaction.moment, func.count(Satisfaction.id), func.avg(Satisfaction.note))
        .where(Satisfaction.session_id == sess.id).group_by(Satisfaction.moment))}
    return [(m, lignes.get(m, (0, None))[0],
             round(float(lignes[m][1]), 1) if m in lignes and lignes[m][1] is not None else None) for m in Moment]


def chronologie(session: Session, personne: Personne, lecteur) -> list[Evenement]:
    evenements = []
    for e in session.scalars(select(EvaluationObjectif).join(Inscription)
                             .where(Inscription.personne_id == personne.id)
                             .options(joinedload(EvaluationObjectif.objectif),
                                      joinedload(EvaluationObjectif.inscription).joinedload(Inscription.session)
                                      .joinedload(SessionAtelier.atelier))):
        evenements.append(Evenement(e.evalue_le, e.created_at, "evaluation_atelier",
                                    f"Atelier « {e.inscription.session.atelier.titre} » : objectif "
                                    f"{e.resultat.libelle.lower()}", e.objectif.capacite,
                                    "ateliers.evaluations.participant", (("inscription_id", e.inscription_id),)))
    return evenements
