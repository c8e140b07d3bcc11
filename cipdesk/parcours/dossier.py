"""Cases of the parcours module for the dossier of the titre (RC §3.1):
part 2 — a parcours the candidat accompanied with at least three entretiens;
part 3 — a projet accompaniment with at least three entretiens « projet ».
Described without any personal data (dispositif and month only)."""
from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.core.contrat import Cas
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import TypeEntretien
from cipdesk.parcours.projet.models import Projet


def _cas(lignes, objet: str) -> list[Cas]:
    return [Cas(objet_type="parcours", objet_id=pid, entretiens=n, debut=debut,
                libelle=f"{objet} — {dispositif}, ouvert en {debut:%m/%Y}")
            for pid, dispositif, debut, n in lignes]


def parcours_accompagnes(session: Session, utilisateur_id: uuid.UUID) -> list[Cas]:
    lignes = session.execute(
        select(Parcours.id, Parcours.dispositif_libelle, Parcours.debut, func.count(Entretien.id))
        .join(Entretien, Entretien.parcours_id == Parcours.id)
        .where(Entretien.conseiller_id == utilisateur_id)
        .group_by(Parcours.id, Parcours.dispositif_libelle, Parcours.debut)
        .order_by(func.count(Entretien.id).desc(), Parcours.debut.desc())
        .limit(20)
    ).all()
    return _cas(lignes, "Parcours")


def projets_accompagnes(session: Session, utilisateur_id: uuid.UUID) -> list[Cas]:
    lignes = session.execute(
        select(Parcours.id, Parcours.dispositif_libelle, Parcours.debut, func.count(Entretien.id))
        .join(Projet, Projet.parcours_id == Parcours.id)
        .join(Entretien, Entretien.parcours_id == Parcours.id)
        .where(Entretien.conseiller_id == utilisateur_id, Entretien.type_entretien == TypeEntretien.PROJET)
        .group_by(Parcours.id, Parcours.dispositif_libelle, Parcours.debut)
        .order_by(func.count(Entretien.id).desc(), Parcours.debut.desc())
        .limit(20)
    ).all()
    return _cas(lignes, "Projet professionnel")
