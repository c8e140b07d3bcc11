"""Use cases of the territory profile (REAC CP3). Flush, never commit. A save is a
new version: nothing is overwritten, the page shows what changed."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.territoire.profil import queries, rules
from cipdesk.territoire.profil.models import VersionTerritoire

CONFLIT = ("Une nouvelle version du profil a été enregistrée entre-temps par un·e collègue : rechargez la page "
           "pour partir de la dernière version. Votre saisie est conservée ci-dessous.")


@dataclass
class DonneesTerritoire:
    territoire: str
    chiffres: list[rules.Chiffre] = field(default_factory=list)
    forces: str = ""
    faiblesses: str = ""
    ressources: str = ""
    motif: str = ""


def enregistrer_version(session: Session, *, par, donnees: DonneesTerritoire, numero_lu: int,
                        le: date) -> VersionTerritoire:
    """Write version n+1. `numero_lu` is the version the form was loaded from (0: none yet);
    a newer one in between is a conflict. A save that changes nothing is refused."""
    policy.exiger(policy.peut(par, "territoire.modifier"))
    actuelle = queries.courante(session, par.structure_id)
    numero_actuel = actuelle.numero if actuelle else 0
    if numero_lu != numero_actuel:
        raise ErreurMetier(CONFLIT, "version")
    if not donnees.territoire.strip():
        raise ErreurMetier("Nommez le territoire (exemple : bassin d'emploi de Lille).", "territoire")
    nouvelle = {"territoire": donnees.territoire.strip()[:200], "forces": donnees.forces.strip(),
                "faiblesses": donnees.faiblesses.strip(), "ressources": donnees.ressources.strip(),
                "chiffres": [c.en_json() for c in donnees.chiffres]}
    if actuelle is not None and not rules.changements(queries.en_dict(actuelle), nouvelle):
        raise ErreurMetier("Rien n'a changé depuis la version en cours : aucune nouvelle version n'est créée.")
    version = VersionTerritoire(id=uuid.uuid4(), structure_id=par.structure_id, numero=numero_actuel + 1,
                                auteur_id=par.id, motif=donnees.motif.strip()[:300], **nouvelle)
    session.add(version)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="profil_territoire", objet_id=version.id)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="profil_territoire", objet_id=version.id,
                                      le=le)
    return version
