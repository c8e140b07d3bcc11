"""The timeline of an employer and the overdue next actions (alerts)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Select, literal, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.core.contrat import Alerte, SourceDAlertes
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


def _actions_en_retard(personne_ids, aujourd_hui: date):
    return (select(Interaction.id.label("objet_id"), Interaction.personne_id.label("personne_id"),
                   Interaction.prochaine_action.label("texte"), Interaction.echeance.label("le"))
            .where(Interaction.personne_id.in_(personne_ids), Interaction.action_faite_le.is_(None),
                   Interaction.echeance < aujourd_hui))


def _lire_actions_en_retard(lignes, aujourd_hui: date) -> list[Alerte]:
    return [Alerte(personne_id=l.personne_id, code="relance_employeur_en_retard", gravite=2,
                   libelle=f"Action employeur en retard depuis le {l.le:%d/%m/%Y} : {l.texte}",
                   objet_type="interaction_entreprise", objet_id=l.objet_id)
            for l in lignes]


# Alert provider: an overdue next action about a person (a candidate presented to the employer)
# is an alert on that person. Overdue actions about no person are listed on the Employeurs page
# (the contract's alerts are about people).
def _classer_actions_en_retard(personne_ids, aujourd_hui: date, reglages: dict):
    return select(Interaction.personne_id.label("personne_id"), literal(2).label("gravite")).where(
        Interaction.personne_id.in_(personne_ids), Interaction.action_faite_le.is_(None),
        Interaction.echeance < aujourd_hui)


alertes_actions_en_retard = SourceDAlertes(_actions_en_retard, _lire_actions_en_retard, _classer_actions_en_retard)
