"""Use cases of the répertoire des partenaires. Flush, never commit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.telephone import telephone_e164
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.territoire.partenaires import rules
from cipdesk.territoire.partenaires.models import ContactPartenaire, Partenaire

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
    publics: str = ""
    conditions_acces: str = ""
    modalites_orientation: str = ""
    site_web: str = ""
    verifie_le: date | None = None
    # None: an older form without the operational fields; they are left as they are.
    complet: bool = False


def enregistrer_partenaire(session: Session, *, par, donnees: DonneesPartenaire,
                           partenaire: Partenaire | None = None, version: int | None = None,
                           le: date | None = None) -> Partenaire:
    """Add a partner, or edit one: an edit carries the version the form was loaded
    with, and a colleague's save in between is a conflict, never a silent overwrite."""
    policy.exiger(policy.peut(par, "repertoire.modifier"))
    nouveau = partenaire is None
    if not nouveau and version != partenaire.version:
        raise ErreurMetier(CONFLIT, "version")
    if not donnees.nom.strip():
        raise ErreurMetier("Le nom du partenaire est obligatoire.", "nom")
    existants = list(session.execute(select(Partenaire.id, Partenaire.nom)
                                     .where(Partenaire.structure_id == par.structure_id)))
    autre = rules.doublon(donnees.nom, [tuple(e) for e in existants], None if nouveau else partenaire.id)
    if autre is not None:
        raise ErreurMetier(f"« {autre} » est déjà dans le répertoire : complétez sa fiche plutôt que d'en créer "
                           "une seconde.", "nom")
    if donnees.complet:
        try:
            site_web = rules.valider_url(donnees.site_web)
        except ValueError as exc:
            raise ErreurMetier(str(exc), "site_web") from None
    if nouveau:
        partenaire = Partenaire(id=uuid.uuid4(), structure_id=par.structure_id)
        session.add(partenaire)
    partenaire.nom, partenaire.type_partenaire = donnees.nom.strip()[:200], donnees.type_partenaire.strip()[:120]
    partenaire.domaines = list(donnees.domaines)
    partenaire.adresse, partenaire.contact_nom = donnees.adresse.strip()[:300], donnees.contact_nom.strip()[:200]
    partenaire.telephone = telephone_e164(donnees.telephone)
    partenaire.email, partenaire.actif = donnees.email.strip().lower(), donnees.actif
    if donnees.complet:
        partenaire.publics, partenaire.conditions_acces = donnees.publics.strip(), donnees.conditions_acces.strip()
        partenaire.modalites_orientation, partenaire.site_web = donnees.modalites_orientation.strip(), site_web
        partenaire.verifie_le = donnees.verifie_le
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION if nouveau else Action.MODIFICATION,
                objet_type="partenaire", objet_id=partenaire.id)
    if le is not None:  # keeping the répertoire up to date evidences CP4 (issue #15, point 7)
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="partenaire", objet_id=partenaire.id,
                                          le=le)
    return partenaire


def ajouter_contact(session: Session, *, par, partenaire: Partenaire, nom: str, role: str = "",
                    telephone: str = "", email: str = "") -> ContactPartenaire:
    """A professional to call at the partner, with their role (REAC CP4 : « créer et entretenir
    des contacts avec les différents acteurs »)."""
    policy.exiger(policy.peut(par, "repertoire.modifier"))
    if not nom.strip():
        raise ErreurMetier("Indiquez le nom de la personne à contacter.", "nom")
    contact = ContactPartenaire(id=uuid.uuid4(), structure_id=par.structure_id, partenaire_id=partenaire.id,
                                nom=nom.strip()[:200], role=role.strip()[:200], telephone=telephone_e164(telephone),
                                email=email.strip().lower()[:254])
    session.add(contact)
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="partenaire", objet_id=partenaire.id,
                details={"contact": "ajout"})
    return contact


def retirer_contact(session: Session, *, par, contact: ContactPartenaire) -> None:
    policy.exiger(policy.peut(par, "repertoire.modifier"))
    partenaire_id = contact.partenaire_id
    session.delete(contact)
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="partenaire", objet_id=partenaire_id,
                details={"contact": "retrait"})
