"""Tagging records with the competences they evidence. Flush only."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.competences.models import PreuveCompetence, SourcePreuve
from cipdesk.erreurs import ErreurMetier
from cipdesk.referentiel import CODES_COMPETENCES


def etiqueter(session: Session, *, utilisateur, objet_type: str, objet_id: uuid.UUID,
              codes: tuple[str, ...], date_activite: date, source: SourcePreuve = SourcePreuve.AUTO,
              motif: str = "") -> list[PreuveCompetence]:
    """Attach competences to a record; idempotent (an existing tag is kept)."""
    inconnus = [c for c in codes if c not in CODES_COMPETENCES]
    if inconnus:
        raise ErreurMetier(f"Compétence inconnue : {', '.join(inconnus)}.", "competence")
    if source == SourcePreuve.MANUEL and not motif.strip():
        raise ErreurMetier("Indiquez pourquoi cette activité prouve la compétence.", "motif")
    existants = set(session.scalars(select(PreuveCompetence.competence_code).where(
        PreuveCompetence.utilisateur_id == utilisateur.id, PreuveCompetence.objet_type == objet_type,
        PreuveCompetence.objet_id == objet_id)))
    nouvelles = []
    for code in codes:
        if code in existants:
            continue
        preuve = PreuveCompetence(structure_id=utilisateur.structure_id, utilisateur_id=utilisateur.id,
                                  competence_code=code, objet_type=objet_type, objet_id=objet_id,
                                  date_activite=date_activite, source=source, motif=motif.strip())
        session.add(preuve)
        nouvelles.append(preuve)
    session.flush()
    return nouvelles


def couverture(session: Session, utilisateur_id: uuid.UUID) -> dict[str, tuple[int, date | None]]:
    """{competence code: (number of records, latest date)}, counted in SQL."""
    lignes = session.execute(
        select(PreuveCompetence.competence_code, func.count(), func.max(PreuveCompetence.date_activite))
        .where(PreuveCompetence.utilisateur_id == utilisateur_id)
        .group_by(PreuveCompetence.competence_code)
    ).all()
    return {code: (n, dernier) for code, n, dernier in lignes}
