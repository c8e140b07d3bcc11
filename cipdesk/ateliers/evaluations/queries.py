"""Queries of the evaluations: a participant's results, the timeline, satisfaction figures."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.evaluations.rules import Moment, Resultat
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.ateliers.conception.models import Atelier, ObjectifPedagogique
from cipdesk.core.contrat import Evenement, SourceDeChronologie


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


def _evaluations(personne_id, lecteur_id):  # noqa: ARG001
    return select(EvaluationObjectif.evalue_le.label("le"), EvaluationObjectif.created_at.label("saisi"),
                  Atelier.titre.label("texte"), EvaluationObjectif.resultat.label("texte2"),
                  ObjectifPedagogique.capacite.label("texte3"),
                  EvaluationObjectif.inscription_id.label("objet_id")) \
        .join(Inscription, Inscription.id == EvaluationObjectif.inscription_id) \
        .join(SessionAtelier, SessionAtelier.id == Inscription.session_id) \
        .join(Atelier, Atelier.id == SessionAtelier.atelier_id) \
        .join(ObjectifPedagogique, ObjectifPedagogique.id == EvaluationObjectif.objectif_id) \
        .where(Inscription.personne_id == personne_id)


def _lire_evaluations(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(e.le, e.saisi, "evaluation_atelier",
                      f"Atelier « {e.texte} » : objectif {Resultat(e.texte2).libelle.lower()}", e.texte3,
                      "ateliers.evaluations.participant", (("inscription_id", e.objet_id),))
            for e in lignes]


# Objectives evaluated at workshops (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_evaluations, _lire_evaluations)
