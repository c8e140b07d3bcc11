"""Queries of the tablet questionnaire: the links of a session."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.questionnaire.models import LienQuestionnaire


def liens_de_la_session(session: Session, session_id) -> list[LienQuestionnaire]:
    return list(session.scalars(select(LienQuestionnaire).where(LienQuestionnaire.session_id == session_id)
                                .order_by(LienQuestionnaire.created_at.desc())))
