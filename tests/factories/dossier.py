"""Dossier records for the tests that walk every route: a review of part 2 the candidat
asked the chef de service for."""
from __future__ import annotations

from datetime import date


def objets_dossier(ctx, monde) -> dict:
    from cipdesk.dossier import services

    relecture = services.demander_relecture(ctx, monde.candidat, 2, monde.chef, date(2026, 3, 1))
    return {"relecture": relecture.id}
