"""Counting and listing evidence by SQL over the tags (never by loading records)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.competences.models import AutoEvaluation, PreuveCompetence


def _vivantes(utilisateur_id: uuid.UUID):
    return (PreuveCompetence.utilisateur_id == utilisateur_id) & PreuveCompetence.retiree_le.is_(None)


def couverture(session: Session, utilisateur_id: uuid.UUID) -> dict[str, tuple[int, date | None]]:
    """{code: (number of records evidencing it, date of the latest)} in one GROUP BY."""
    lignes = session.execute(
        select(PreuveCompetence.competence_code, func.count(), func.max(PreuveCompetence.date_activite))
        .where(_vivantes(utilisateur_id))
        .group_by(PreuveCompetence.competence_code)
    ).all()
    return {code: (n, dernier) for code, n, dernier in lignes}


def comptes_par_type(session: Session, utilisateur_id: uuid.UUID) -> list[tuple[str, str, int]]:
    """(competence, record type, count): what the PDF shows, never who."""
    return session.execute(
        select(PreuveCompetence.competence_code, PreuveCompetence.objet_type, func.count())
        .where(_vivantes(utilisateur_id))
        .group_by(PreuveCompetence.competence_code, PreuveCompetence.objet_type)
        .order_by(PreuveCompetence.competence_code, PreuveCompetence.objet_type)
    ).all()


def preuves(utilisateur_id: uuid.UUID, code: str, *, du: date | None = None, au: date | None = None):
    """The records evidencing one competence, newest first (a select for db.paginate)."""
    requete = (select(PreuveCompetence)
               .where(PreuveCompetence.utilisateur_id == utilisateur_id,
                      PreuveCompetence.competence_code == code)
               .order_by(PreuveCompetence.retiree_le.is_not(None), PreuveCompetence.date_activite.desc(),
                         PreuveCompetence.created_at.desc()))
    if du:
        requete = requete.where(PreuveCompetence.date_activite >= du)
    if au:
        requete = requete.where(PreuveCompetence.date_activite <= au)
    return requete


def activites_rattachables(session: Session, utilisateur_id: uuid.UUID, code: str, limite: int = 60):
    """The candidat's logged records not yet tagged with `code` (for a manual tag)."""
    deja = select(PreuveCompetence.objet_id).where(
        _vivantes(utilisateur_id), PreuveCompetence.competence_code == code)
    return session.execute(
        select(PreuveCompetence.objet_type, PreuveCompetence.objet_id,
               func.max(PreuveCompetence.date_activite).label("le"))
        .where(_vivantes(utilisateur_id), PreuveCompetence.objet_id.not_in(deja))
        .group_by(PreuveCompetence.objet_type, PreuveCompetence.objet_id)
        .order_by(func.max(PreuveCompetence.date_activite).desc())
        .limit(limite)
    ).all()


def autoevaluations(session: Session, utilisateur_id: uuid.UUID, code: str | None = None):
    requete = (select(AutoEvaluation).where(AutoEvaluation.utilisateur_id == utilisateur_id)
               .order_by(AutoEvaluation.evalue_le.desc(), AutoEvaluation.created_at.desc()))
    if code:
        requete = requete.where(AutoEvaluation.competence_code == code)
    return session.scalars(requete).all()


def dernieres_autoevaluations(session: Session, utilisateur_id: uuid.UUID) -> dict[str, AutoEvaluation]:
    dernieres: dict[str, AutoEvaluation] = {}
    for evaluation in autoevaluations(session, utilisateur_id):
        dernieres.setdefault(evaluation.competence_code, evaluation)
    return dernieres
