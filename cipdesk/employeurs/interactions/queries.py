"""The timeline of an employer and the overdue next actions (alerts)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.core.contrat import Alerte
from cipdesk.employeurs.interactions.models import Interaction


def chronologie(session: Session, entreprise_id) -> list[Interaction]:
    return list(session.scalars(
        select(Interaction).where(Interaction.entreprise_id == entreprise_id)
        .options(joinedload(Interaction.contact), joinedload(Interaction.conseiller))
        .order_by(Interaction.le.desc(), Interaction.created_at.desc())))


def actions_en_retard(structure_id, aujourd_hui: date, conseiller_id=None) -> Select:
    """Next actions whose due date has passed and that were not done (the rule of
    interactions.rules.action_en_retard, as SQL)."""
    requete = (select(Interaction).where(Interaction.structure_id == structure_id,
                                         Interaction.action_faite_le.is_(None),
                                         Interaction.echeance < aujourd_hui)
               .options(joinedload(Interaction.entreprise)).order_by(Interaction.echeance))
    if conseiller_id is not None:
        requete = requete.where(Interaction.conseiller_id == conseiller_id)
    return requete


def alertes_actions_en_retard(session: Session, personne_ids, aujourd_hui: date) -> list[Alerte]:
    """Alert provider: an overdue next action about a person (a candidate presented to
    the employer) is an alert on that person. Overdue actions about no person are
    listed on the Employeurs page (the contract's alerts are about people)."""
    lignes = session.execute(
        select(Interaction.id, Interaction.personne_id, Interaction.prochaine_action, Interaction.echeance)
        .where(Interaction.personne_id.in_(personne_ids), Interaction.action_faite_le.is_(None),
               Interaction.echeance < aujourd_hui)).all()
    return [Alerte(personne_id=p, code="relance_employeur_en_retard", gravite=2,
                   libelle=f"Action employeur en retard depuis le {e:%d/%m/%Y} : {a}",
                   objet_type="interaction_entreprise", objet_id=i)
            for i, p, a, e in lignes]
