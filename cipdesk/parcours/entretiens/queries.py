"""Queries of the entretiens de suivi: their timeline provider."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.core.contrat import Evenement
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import TypeEntretien


def chronologie(session: Session, personne, lecteur) -> list[Evenement]:
    """Timeline provider: the person's entretiens de suivi, in one query. Only the
    objective shows; the confidential note stays on the entretien's page."""
    entretiens = session.scalars(
        select(Entretien).join(Parcours, Parcours.id == Entretien.parcours_id)
        .where(Parcours.personne_id == personne.id)
        .options(joinedload(Entretien.conseiller))).all()
    return [Evenement(e.le, e.created_at, "entretien_projet" if e.type_entretien == TypeEntretien.PROJET
                      else "entretien",
                      f"Entretien ({e.type_entretien.libelle.lower()}, {e.mode.libelle.lower()})",
                      f"{e.objectif} — par {e.conseiller.nom_complet}", "parcours.entretiens.voir",
                      (("entretien_id", e.id),))
            for e in entretiens]
