"""Queries of the accueil module that other modules may use."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class FreinResume:
    """A frein of the person's latest validated diagnostic, as other modules
    (parcours: « chaque étape dit à quel frein elle répond ») need it."""

    dimension_code: str     # e.g. "mobilite"
    dimension_libelle: str  # e.g. "Mobilité"
    niveau: int             # 0 (levé) … 3 (bloquant)
    libelle: str            # the frein as written in the diagnostic
    ouvert: bool            # still to be worked on


def freins_du_dernier_diagnostic(session: Session, personne_id: uuid.UUID) -> list[FreinResume]:
    """CONTRACT used by the parcours module. To be implemented by the accueil
    module over its diagnostic model; returns [] until then."""
    return []
