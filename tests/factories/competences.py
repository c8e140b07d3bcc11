"""Competence evidence of a candidat, through the real tagging service."""
from __future__ import annotations

import uuid
from datetime import date


def objets_competences(ctx, monde) -> dict:
    """A piece of evidence (CP1) of the candidat, tagged on an accueil."""
    from cipdesk.competences.services import etiqueter

    preuve = etiqueter(ctx, utilisateur=monde.candidat, objet_type="accueil", objet_id=uuid.uuid4(),
                       codes=("CP1",), date_activite=date(2026, 1, 5))[0]
    ctx.commit()
    return {"candidat": monde.candidat.id, "preuve": preuve.id}
