"""Alerts about people, gathered from every module (caseload, home page).

Each module registers a provider: a function (session, personne_ids) ->
list[Alerte] that answers for all the ids in ONE query (no per-row queries).
"""
from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Alerte:
    personne_id: uuid.UUID
    code: str        # e.g. "urgence_ouverte", "etape_en_retard", "sans_contact"
    libelle: str     # French, shown as is
    gravite: int = 1  # 1 information, 2 attention, 3 urgent
    objet_type: str = ""
    objet_id: uuid.UUID | None = None


Fournisseur = Callable[[Session, list[uuid.UUID]], list[Alerte]]
FOURNISSEURS: list[Fournisseur] = []


def fournisseur_d_alertes(fonction: Fournisseur) -> Fournisseur:
    """Decorator registering a module's alert provider."""
    if fonction not in FOURNISSEURS:
        FOURNISSEURS.append(fonction)
    return fonction


def alertes_pour(session: Session, personne_ids: list[uuid.UUID] | Select) -> dict[uuid.UUID, list[Alerte]]:
    """Alerts by person. `personne_ids` is a list of ids (a page of the caseload)
    or a SELECT of ids (a whole perimeter: the providers filter with IN (subquery))."""
    resultat: dict[uuid.UUID, list[Alerte]] = defaultdict(list)
    if not isinstance(personne_ids, Select):
        personne_ids = list(personne_ids)
        if not personne_ids:
            return resultat
    for fournisseur in FOURNISSEURS:
        for alerte in fournisseur(session, personne_ids):
            resultat[alerte.personne_id].append(alerte)
    for alertes in resultat.values():
        alertes.sort(key=lambda a: -a.gravite)
    return resultat
