"""Use cases of the répertoire des partenaires. Flush, never commit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.telephone import telephone_e164
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.territoire.partenaires.models import Partenaire

CONFLIT = ("Ce partenaire a été modifié entre-temps par un·e collègue : rechargez la fiche. "
           "Votre saisie est conservée ci-dessous.")


@dataclass
class DonneesPartenaire:
    nom: str
    type_partenaire: str = ""
    domaines: list[str] = field(default_factory=list)
    adresse: str = ""
    contact_nom: str = ""
    telephone: str = ""
    email: str = ""
    actif: bool = True


def enregistrer_partenaire(session: Session, *, par, donnees: DonneesPartenaire,
                           partenaire: Partenaire | None = None, version: int | None = None) -> Partenaire:
    """Add a partner, or edit one: an edit carries the version the form was loaded
    with, and a colleague's save in between is a conflict, never a silent overwrite."""
    policy.exiger(policy.peut_modifier_repertoire(par))
    nouveau = partenaire is None
    if not nouveau and version != partenaire.version:
        raise ErreurMetier(CONFLIT, "version")
    if not donnees.nom.strip():
        raise ErreurMetier("Le nom du partenaire est obligatoire.", "nom")
    if nouveau:
        partenaire = Partenaire(id=uuid.uuid4(), structure_id=par.structure_id)
        session.add(partenaire)
    partenaire.nom, partenaire.type_partenaire = donnees.nom.strip()[:200], donnees.type_partenaire.strip()[:120]
    partenaire.domaines = list(donnees.domaines)
    partenaire.adresse, partenaire.contact_nom = donnees.adresse.strip()[:300], donnees.contact_nom.strip()[:200]
    partenaire.telephone = telephone_e164(donnees.telephone)
    partenaire.email, partenaire.actif = donnees.email.strip().lower(), donnees.actif
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION if nouveau else Action.MODIFICATION,
                objet_type="partenaire", objet_id=partenaire.id)
    return partenaire
