"""Use cases of a mediation. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.integration.mediations.models import Mediation


def enregistrer_mediation(session: Session, suivi, *, par, donnees: dict, aujourd_hui: date) -> Mediation:
    """REAC CP14 « Le cadre et les limites de l'intervention sont respectés » : who took
    part, the issue, the actions agreed, the outcome."""
    if donnees["le"] < suivi.debut:
        raise ErreurMetier(f"Une médiation ne peut pas précéder le début du contrat ({suivi.debut:%d/%m/%Y}).", "le")
    if donnees["le"] > aujourd_hui:
        raise ErreurMetier("La médiation ne peut pas être datée dans le futur.", "le")
    mediation = Mediation(structure_id=suivi.structure_id, suivi_id=suivi.id, **donnees)
    session.add(mediation)
    session.flush()
    signaux.contact_realise.send(session, personne=suivi.personne, le=mediation.le, aujourd_hui=aujourd_hui)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="mediation_integration",
                                      objet_id=mediation.id, le=mediation.le)
    return mediation
