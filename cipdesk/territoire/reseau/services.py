"""Use cases of the team's references (REAC CP4 : « Identifier les membres de son équipe
et leurs compétences »). Each professional declares what they know; flush, never commit."""
from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.territoire.reseau.models import ReferenceEquipe


def ajouter_reference(session: Session, *, par, sujet: str, precision: str = "",
                      partenaire: Partenaire | None = None) -> ReferenceEquipe:
    policy.exiger(policy.peut(par, "territoire.modifier"))
    if not sujet.strip():
        raise ErreurMetier("Indiquez le dispositif, la mesure ou le domaine que vous connaissez.", "sujet")
    if partenaire is not None and partenaire.structure_id != par.structure_id:
        raise ErreurMetier("Choisissez un partenaire du répertoire.", "partenaire_id")
    ref = ReferenceEquipe(id=uuid.uuid4(), structure_id=par.structure_id, utilisateur_id=par.id,
                          sujet=sujet.strip()[:200], precision=precision.strip()[:300],
                          partenaire_id=partenaire.id if partenaire else None)
    session.add(ref)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="reference_equipe", objet_id=ref.id)
    return ref


def retirer_reference(session: Session, *, par, reference: ReferenceEquipe) -> None:
    """One's own references only."""
    policy.exiger(policy.peut(par, "territoire.modifier") and reference.utilisateur_id == par.id)
    session.delete(reference)
    session.flush()
    journaliser(session, acteur=par, action=Action.SUPPRESSION, objet_type="reference_equipe", objet_id=reference.id)
