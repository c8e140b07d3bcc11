"""Queries of the exit: its timeline provider."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.contrat import Evenement
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.sortie.models import Sortie
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE
from cipdesk.parcours.sortie.rules import MOIS_SUIVI, SORTIES_DYNAMIQUES  # noqa: F401  (read by the tableau de bord)


def chronologie(session: Session, personne, lecteur) -> list[Evenement]:
    """Timeline provider: the exits of the person's parcours, in one query."""
    sorties = session.scalars(
        select(Sortie).join(Parcours, Parcours.id == Sortie.parcours_id)
        .where(Parcours.personne_id == personne.id)).all()
    return [Evenement(s.sortie_le, s.created_at, "bilan_parcours",
                      f"Sortie du parcours : {s.categorie.libelle.lower()}",
                      MOTIFS_SORTIE.get(s.motif, (s.motif,))[0]
                      + (f" — relais vers {s.relais_vers}" if s.relais_vers else ""),
                      "parcours.contrat.voir", (("parcours_id", s.parcours_id),))
            for s in sorties]
