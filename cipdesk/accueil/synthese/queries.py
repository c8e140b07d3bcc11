"""Queries of the synthèse d'entretien: its part of the person's timeline (with its notes)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.accueil.synthese.models import Synthese
from cipdesk.core.contrat import Evenement
from cipdesk.notes.queries import chronologie_des_notes


def chronologie(session: Session, personne, lecteur) -> list[Evenement]:
    """Synthèses, with whether they were handed to the person (one query)."""
    return [Evenement(s.date_entretien, s.created_at, "synthese", f"Synthèse d'entretien : {s.objet}",
                      f"Remise le {s.partagee_le:%d/%m/%Y} ({s.partage_mode.libelle.lower()})" if s.partagee_le
                      else "Pas encore remise à la personne", "accueil.synthese.voir", (("synthese_id", s.id),))
            for s in session.scalars(select(Synthese).where(Synthese.personne_id == personne.id))]


def chronologie_notes(session: Session, personne, lecteur) -> list[Evenement]:
    """Confidential notes attached to the person's synthèses that the reader may read
    (one query; none for a role that never reads notes)."""
    return chronologie_des_notes(session, lecteur, "synthese",
                                 select(Synthese.id).where(Synthese.personne_id == personne.id))
