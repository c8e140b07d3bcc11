from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.employeurs.mesures import rules
from cipdesk.employeurs.mesures.models import MesureMobilisee, MesureStructure


def mesures_de(session: Session, structure_id) -> list[rules.Mesure]:
    lignes = session.scalars(select(MesureStructure).where(MesureStructure.structure_id == structure_id))
    return rules.fusionner([rules.Mesure(l.code, l.libelle, l.eligibilite, l.source, l.verifiee_le, l.active, True)
                            for l in lignes])


def mobilisees(session: Session, *, offre_id=None, candidature_id=None) -> list[MesureMobilisee]:
    condition = (MesureMobilisee.offre_id == offre_id) if offre_id else (MesureMobilisee.candidature_id == candidature_id)
    return list(session.scalars(select(MesureMobilisee).where(condition).order_by(MesureMobilisee.le)))
