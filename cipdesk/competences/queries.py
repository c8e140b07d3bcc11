"""Counting and listing evidence by SQL over the tags (never by loading records)."""
from __future__ import annotations

import functools
import uuid
from datetime import date
from typing import NamedTuple

from sqlalchemy import (DateTime, Integer, String, Uuid, bindparam, cast, func, literal_column, null, select,
                        type_coerce, union_all)
from sqlalchemy.orm import Session

from cipdesk.competences.models import AutoEvaluation, NiveauAutoEvaluation, PreuveCompetence


def _vivantes(utilisateur_id: uuid.UUID):
    return (PreuveCompetence.utilisateur_id == utilisateur_id) & PreuveCompetence.retiree_le.is_(None)


def couverture(session: Session, utilisateur_id: uuid.UUID) -> dict[str, tuple[int, date | None]]:
    """{code: (number of records evidencing it, date of the latest)} in one GROUP BY."""
    return couverture_et_autoevaluations(session, utilisateur_id)[0]


class DerniereAutoEvaluation(NamedTuple):
    """The latest self-assessment of a competence, with what the coverage shows of it."""
    niveau: NiveauAutoEvaluation
    evalue_le: date


def couverture_et_autoevaluations(session: Session, utilisateur_id: uuid.UUID
                                  ) -> tuple[dict[str, tuple[int, date | None]], dict[str, DerniereAutoEvaluation]]:
    """(`couverture`, the latest self-assessment of each competence) in ONE statement (the coverage's
    page read them in two): the GROUP BY of the evidence, then every self-assessment, latest first."""
    couverture_: dict[str, tuple[int, date | None]] = {}
    dernieres: dict[str, DerniereAutoEvaluation] = {}
    for liste, code, nombre, le, niveau in session.execute(_requete_couverture(), {"utilisateur_id": utilisateur_id}):
        if liste == 1:
            couverture_[code] = (nombre, le)
        elif code not in dernieres:
            dernieres[code] = DerniereAutoEvaluation(NiveauAutoEvaluation(niveau), le)
    return couverture_, dernieres


@functools.cache
def _requete_couverture():
    # Built once, the user a parameter. Two selects in a UNION ALL, ordered outside: the evidence
    # (liste 1), then the self-assessments by date then entry, latest first (liste 2).
    P, A = PreuveCompetence, AutoEvaluation
    moi = bindparam("utilisateur_id", type_=Uuid)
    preuves = (select(literal_column("1", Integer).label("liste"), P.competence_code.label("code"),
                      func.count().label("nombre"), func.max(P.date_activite).label("le"),
                      cast(null(), String).label("niveau"), cast(null(), DateTime).label("cree"))
               .where(P.utilisateur_id == moi, P.retiree_le.is_(None)).group_by(P.competence_code))
    autos = select(literal_column("2", Integer), A.competence_code, literal_column("0", Integer), A.evalue_le,
                   type_coerce(A.niveau, String), A.created_at).where(A.utilisateur_id == moi)
    u = union_all(preuves, autos).subquery()
    return (select(u.c.liste, u.c.code, u.c.nombre, u.c.le, u.c.niveau)
            .order_by(u.c.liste, u.c.le.desc(), u.c.cree.desc()))


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
