"""Recording what a person brings to a job search. Flush, never commit."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.profils.models import ProfilEmploi
from cipdesk.employeurs.profils.rules import Horaire, Permis


def enregistrer_profil(session: Session, personne, *, par, donnees: dict) -> ProfilEmploi:
    """REAC CP13 « Rapprocher l'offre et la demande »: what matching reads of the person."""
    if not set(donnees["permis"]) <= {p.value for p in Permis}:
        raise ErreurMetier("Choisissez les permis dans la liste.", "permis")
    if not set(donnees["contraintes_horaires"]) <= {h.value for h in Horaire}:
        raise ErreurMetier("Choisissez les horaires dans la liste.", "contraintes_horaires")
    profil = session.scalar(select(ProfilEmploi).where(ProfilEmploi.personne_id == personne.id))
    if profil is None:
        profil = ProfilEmploi(structure_id=personne.structure_id, personne_id=personne.id)
        session.add(profil)
    for champ, valeur in donnees.items():
        setattr(profil, champ, valeur)
    session.flush()
    return profil
