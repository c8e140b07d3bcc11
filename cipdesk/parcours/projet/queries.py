"""Queries of the projet professionnel and of the plan d'action."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.parcours.projet.models import ActionPlan
from cipdesk.personnes.queries import garde_dossier


def actions_du_plan(session: Session, parcours_id: uuid.UUID) -> list[ActionPlan]:
    return list(session.scalars(select(ActionPlan).where(ActionPlan.parcours_id == parcours_id)
                                .order_by(ActionPlan.echeance, ActionPlan.created_at)))


def garde_metier(session: Session, utilisateur, metier, modifier: bool) -> bool:
    """The loader's guard for a métier explored: whoever may see (or write about) the person."""
    return garde_dossier(session, utilisateur, metier.projet, modifier)
