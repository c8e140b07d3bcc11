"""Caseload balance (issue #17, point 7): the chef de service moves a person from one
conseiller to another, or gives a référent to a person who has none.

The person's and their open parcours' référent change; the reason is required and the move
is journalled (who, when, from whom to whom, why). Confidential notes do not follow: a note
is read by its author and the colleagues it was shared with (SECURITY.md), never by the
référent as such, so the new référent reads nothing the author did not share with them."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import Parcours, StatutParcours
from cipdesk.personnes.models import Personne
from cipdesk.security.audit import Action, journaliser

MOTIF_MAX = 500


def reaffecter(session: Session, personne: Personne, *, nouveau, motif: str, par, le: date) -> Personne:
    motif = (motif or "").strip()
    if nouveau is None:
        raise ErreurMetier("Choisissez le ou la conseiller·ère qui suivra la personne.", "conseiller")
    if nouveau.id == personne.referent_id:
        raise ErreurMetier(f"{nouveau.nom_complet} est déjà le ou la référent·e de cette personne.", "conseiller")
    if not motif:
        raise ErreurMetier("Indiquez le motif de la réaffectation (il est journalisé).", "motif")
    if len(motif) > MOTIF_MAX:
        raise ErreurMetier(f"Le motif tient en {MOTIF_MAX} caractères au plus.", "motif")
    ancien = personne.referent_id
    personne.referent_id = nouveau.id
    session.execute(update(Parcours).where(Parcours.personne_id == personne.id,
                                           Parcours.statut == StatutParcours.OUVERT)
                    .values(referent_id=nouveau.id).execution_options(synchronize_session="fetch"))
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="reaffectation", objet_id=personne.id,
                motif=motif, details={"de": str(ancien) if ancien else "", "vers": str(nouveau.id),
                                      "le": le.isoformat()})
    session.flush()
    return personne


def parcours_ouverts(session: Session, personne: Personne) -> int:
    return len(session.scalars(select(Parcours.id).where(Parcours.personne_id == personne.id,
                                                         Parcours.statut == StatutParcours.OUVERT)).all())
