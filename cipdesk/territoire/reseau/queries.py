"""Queries of the network: the cartography by domain and the team's references."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.core.contrat import registre
from cipdesk.territoire.partenaires import queries as partenaires
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.territoire.reseau import rules
from cipdesk.territoire.reseau.models import ReferenceEquipe


def cartographie(session: Session, structure_id) -> list[rules.Domaine]:
    """The structure's domains of intervention, each with its active partners and the
    orientations really made to them (two queries and the domains' list)."""
    domaines = registre.domaines_d_intervention(session, structure_id)
    actifs = [(p.id, p.nom, list(p.domaines or [])) for p in session.scalars(
        select(Partenaire).where(Partenaire.structure_id == structure_id, Partenaire.actif.is_(True)))]
    return rules.cartographie(domaines, actifs, partenaires.bilans(session, structure_id))


def references(session: Session, structure_id) -> list[ReferenceEquipe]:
    """Who in the team knows which dispositif or partner, by subject."""
    return list(session.scalars(select(ReferenceEquipe).where(ReferenceEquipe.structure_id == structure_id)
                                .options(joinedload(ReferenceEquipe.utilisateur),
                                         joinedload(ReferenceEquipe.partenaire))
                                .order_by(ReferenceEquipe.sujet)))
