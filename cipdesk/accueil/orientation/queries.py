"""Queries of the orientation: the partners one may orient to, and the
orientation part of the person's timeline."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.accueil.orientation.models import Orientation
from cipdesk.core.contrat import Evenement
from cipdesk.territoire.partenaires.models import Partenaire


def partenaires_actifs(session: Session, structure_id) -> list[Partenaire]:
    return list(session.scalars(select(Partenaire).where(Partenaire.structure_id == structure_id,
                                                         Partenaire.actif.is_(True)).order_by(Partenaire.nom)))


def chronologie(session: Session, personne, lecteur) -> list[Evenement]:
    """Orientations with the partner's answer (one query)."""
    return [Evenement(o.date_orientation, o.created_at, "orientation", f"Orientation vers {o.partenaire.nom}",
                      f"Réponse : {o.reponse.libelle}" + (f" le {o.reponse_le:%d/%m/%Y}" if o.reponse_le else ""),
                      "accueil.orientation.voir", (("orientation_id", o.id),))
            for o in session.scalars(select(Orientation).where(Orientation.personne_id == personne.id)
                                     .options(joinedload(Orientation.partenaire)))]
