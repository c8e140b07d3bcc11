"""Use cases of the structure's profile. Flush, never commit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.territoire.structure.models import ProfilStructure

CONFLIT = ("Le profil de la structure a été modifié entre-temps par un·e collègue : rechargez la page. "
           "Votre saisie est conservée ci-dessous.")
CHAMPS = ("statut", "missions", "offre_services", "financeurs", "publics", "modalites_accueil", "equipe")


@dataclass
class DonneesProfil:
    statut: str = ""
    missions: str = ""
    offre_services: str = ""
    financeurs: str = ""
    publics: str = ""
    modalites_accueil: str = ""
    equipe: str = ""


def enregistrer_profil(session: Session, *, par, donnees: DonneesProfil, version: int | None) -> ProfilStructure:
    """Create or update the one profile of the structure (optimistic locking: a form loaded
    before a colleague's save is a conflict, never a silent overwrite)."""
    policy.exiger(policy.peut(par, "territoire.modifier_profil_structure"))
    profil = session.scalar(select(ProfilStructure).where(ProfilStructure.structure_id == par.structure_id))
    nouveau = profil is None
    if nouveau:
        if version not in (None, 0):
            raise ErreurMetier(CONFLIT, "version")
        profil = ProfilStructure(id=uuid.uuid4(), structure_id=par.structure_id)
        session.add(profil)
    elif version != profil.version:
        raise ErreurMetier(CONFLIT, "version")
    if not donnees.statut.strip():
        raise ErreurMetier("Indiquez le statut de la structure (exemple : association loi 1901).", "statut")
    if not donnees.missions.strip():
        raise ErreurMetier("Décrivez les missions de la structure.", "missions")
    for champ in CHAMPS:
        setattr(profil, champ, getattr(donnees, champ).strip())
    profil.modifie_par_id = par.id
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION if nouveau else Action.MODIFICATION,
                objet_type="profil_structure", objet_id=profil.id)
    return profil
