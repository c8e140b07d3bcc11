"""Use cases on the person shared by every module that logs a contact."""
from __future__ import annotations

from datetime import date

from cipdesk.personnes.models import Personne


def noter_contact(personne: Personne, le: date, prochain_rdv: date | None = None) -> None:
    """Keep the caseload's denormalised columns up to date after any contact
    (accueil, entretien, synthèse, réunion…). A contact logged late, older than
    the last one, changes neither the last contact nor the next rendez-vous; a
    next rendez-vous already past is cleared."""
    if personne.dernier_contact_le is not None and le < personne.dernier_contact_le:
        return
    personne.dernier_contact_le = le
    if prochain_rdv is not None:
        personne.prochain_rdv_le = prochain_rdv
    elif personne.prochain_rdv_le is not None and personne.prochain_rdv_le <= le:
        personne.prochain_rdv_le = None
