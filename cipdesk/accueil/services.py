"""Use cases: the person, the accueil individuel and its urgencies.
They take the session and the acting user, flush, never commit."""
from __future__ import annotations

from cipdesk.core import signaux

import re
import uuid
from dataclasses import dataclass, field
from datetime import date

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.accueil import rules
from cipdesk.accueil.models import (INFORMATIONS, Accueil, Concordance, ModeAccueil, SuiteAccueil,
                                    TypeUrgence, Urgence)
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import PUBLICS, NiveauFormation, Personne, Sexe, StatutPersonne
from cipdesk.personnes.rules import chiffres, normaliser_nom
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

CODE_POSTAL = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$")


def telephone_e164(saisie: str) -> str:
    """French-region parsing with phonenumbers; '' stays ''. Raises ErreurMetier."""
    saisie = (saisie or "").strip()
    if not saisie:
        return ""
    try:
        numero = phonenumbers.parse(saisie, "FR")
    except phonenumbers.NumberParseException:
        numero = None
    if numero is None or not phonenumbers.is_valid_number(numero):
        raise ErreurMetier("Numéro de téléphone invalide (exemple : 06 12 34 56 78).", "telephone")
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.E164)


def telephone_affiche(e164: str) -> str:
    if not e164:
        return ""
    try:
        numero = phonenumbers.parse(e164, "FR")
    except phonenumbers.NumberParseException:
        return e164
    if numero.country_code == 33:
        return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(numero, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@dataclass
class DonneesPersonne:
    nom: str
    prenom: str
    nom_usage: str = ""
    date_naissance: date | None = None
    sexe: str = Sexe.NON_RENSEIGNE.value
    telephone: str = ""
    email: str = ""
    adresse: str = ""
    code_postal: str = ""
    commune: str = ""
    niveau_formation: str = NiveauFormation.INCONNU.value
    publics: list[str] = field(default_factory=list)
    prescripteur: str = ""
    commande_prescripteur: str = ""
    referent_id: uuid.UUID | None = None


def doublons_probables(session: Session, structure_id: uuid.UUID, nom: str, prenom: str,
                       naissance: date | None, *, sauf: uuid.UUID | None = None) -> list[Personne]:
    """People of the structure with the same name and birth date (one indexed query)."""
    if naissance is None:
        return []
    requete = select(Personne).where(Personne.structure_id == structure_id,
                                     Personne.date_naissance == naissance)
    if sauf is not None:
        requete = requete.where(Personne.id != sauf)
    cle = (nom, prenom, naissance)
    return [p for p in session.scalars(requete)
            if rules.est_doublon_probable(cle, (p.nom, p.prenom, p.date_naissance))]


def _appliquer(session: Session, personne: Personne, d: DonneesPersonne, aujourd_hui: date) -> None:
    message = rules.erreur_date_naissance(d.date_naissance, aujourd_hui)
    if message:
        raise ErreurMetier(message, "date_naissance")
    if d.code_postal and not CODE_POSTAL.match(d.code_postal.strip()):
        raise ErreurMetier("Code postal invalide : 5 chiffres (exemple : 59000).", "code_postal")
    inconnus = [c for c in d.publics if c not in PUBLICS]
    if inconnus:
        raise ErreurMetier("Caractéristique de public inconnue.", "publics")
    personne.nom, personne.prenom = d.nom.strip(), d.prenom.strip()
    personne.nom_usage = d.nom_usage.strip()
    personne.date_naissance = d.date_naissance
    personne.sexe = Sexe(d.sexe)
    personne.telephone = telephone_e164(d.telephone)
    personne.telephone_recherche = chiffres(personne.telephone)
    if personne.telephone_recherche.startswith("33"):  # search « 06… » finds « +336… »
        personne.telephone_recherche = "0" + personne.telephone_recherche[2:]
    personne.email = d.email.strip().lower()
    personne.adresse, personne.code_postal = d.adresse.strip(), d.code_postal.strip()
    personne.commune = d.commune.strip()
    personne.niveau_formation = NiveauFormation(d.niveau_formation)
    personne.publics = list(d.publics)
    personne.prescripteur = d.prescripteur.strip()
    personne.commande_prescripteur = d.commande_prescripteur.strip()
    personne.nom_recherche = normaliser_nom(personne.nom, personne.prenom, personne.nom_usage)


def creer_personne(session: Session, *, par, donnees: DonneesPersonne, aujourd_hui: date,
                   confirmer_doublon: bool = False) -> Personne:
    """Creating a person warns on a probable duplicate (same name and birth date)
    before saving: the conseiller must confirm it is someone else."""
    policy.exiger(policy.peut_creer_personne(par))
    if not confirmer_doublon and doublons_probables(session, par.structure_id, donnees.nom,
                                                    donnees.prenom, donnees.date_naissance):
        raise ErreurMetier("Doublon probable : une personne de même nom et même date de naissance "
                           "existe déjà dans la structure.", "doublon")
    personne = Personne(id=uuid.uuid4(), structure_id=par.structure_id,
                        referent_id=donnees.referent_id or par.id, statut=StatutPersonne.ACCUEILLIE)
    _appliquer(session, personne, donnees, aujourd_hui)
    session.add(personne)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="personne", objet_id=personne.id)
    return personne


def modifier_personne(session: Session, *, par, personne: Personne, donnees: DonneesPersonne,
                      aujourd_hui: date, version: int) -> Personne:
    if version != personne.version:
        raise ErreurMetier("La fiche a été modifiée entre-temps par un·e collègue : rechargez-la. "
                           "Votre saisie est conservée ci-dessous.", "version")
    _appliquer(session, personne, donnees, aujourd_hui)
    if donnees.referent_id:
        personne.referent_id = donnees.referent_id
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="personne", objet_id=personne.id)
    return personne


# -- accueil ------------------------------------------------------------------------
@dataclass
class ReperageUrgence:
    type_urgence: str
    reperee: bool = False
    contact: str = ""
    action: str = ""
    differee: bool = False


@dataclass
class DonneesAccueil:
    date_accueil: date
    mode: str
    demande_exprimee: str
    commande_prescripteur: str = ""
    concordance: str = Concordance.SANS_COMMANDE.value
    informations: list[str] = field(default_factory=list)
    informations_precisions: str = ""
    suite: str = SuiteAccueil.A_DEFINIR.value
    suite_motif: str = ""
    prochain_rdv_le: date | None = None
    urgences: list[ReperageUrgence] = field(default_factory=list)


STATUT_APRES_SUITE = {SuiteAccueil.ENTREE_ACCOMPAGNEMENT: StatutPersonne.ACCOMPAGNEE,
                      SuiteAccueil.ORIENTATION: StatutPersonne.ORIENTEE,
                      SuiteAccueil.SANS_SUITE: StatutPersonne.SANS_SUITE}


def verifier_accueil(d: DonneesAccueil, aujourd_hui: date) -> dict[str, str]:
    """All the field errors at once (so the form shows them all)."""
    erreurs: dict[str, str] = {}
    message = rules.erreur_date_passee(d.date_accueil, aujourd_hui, quoi="La date de l'accueil")
    if message:
        erreurs["date_accueil"] = message
    if not d.demande_exprimee.strip():
        erreurs["demande_exprimee"] = "Notez la demande telle que la personne l'exprime."
    if d.suite == SuiteAccueil.SANS_SUITE and not d.suite_motif.strip():
        erreurs["suite_motif"] = "Indiquez pourquoi l'accueil reste sans suite."
    if d.concordance != Concordance.SANS_COMMANDE and not d.commande_prescripteur.strip():
        erreurs["commande_prescripteur"] = "Décrivez la commande du prescripteur, ou choisissez « Pas de commande »."
    message = rules.erreur_rdv(d.prochain_rdv_le, aujourd_hui)
    if message:
        erreurs["prochain_rdv_le"] = message
    if any(c not in INFORMATIONS for c in d.informations):
        erreurs["informations"] = "Information inconnue."
    for u in d.urgences:
        message = rules.erreur_reponse_urgence(u.reperee, u.action, u.differee)
        if message:
            erreurs[f"urgence_{u.type_urgence}"] = message
    return erreurs


def enregistrer_accueil(session: Session, *, par, personne: Personne, donnees: DonneesAccueil,
                        aujourd_hui: date) -> Accueil:
    """An accueil with its urgency screening. Found urgencies answered on the spot
    are closed at once; the others stay open as alerts (rules.erreur_reponse_urgence)."""
    policy.exiger(policy.est_conseiller(par))
    erreurs = verifier_accueil(donnees, aujourd_hui)
    if erreurs:
        champ, message = next(iter(erreurs.items()))
        raise ErreurMetier(message, champ)
    accueil = Accueil(id=uuid.uuid4(), structure_id=personne.structure_id, personne_id=personne.id,
                      conseiller_id=par.id, date_accueil=donnees.date_accueil, mode=ModeAccueil(donnees.mode),
                      demande_exprimee=donnees.demande_exprimee.strip(),
                      commande_prescripteur=donnees.commande_prescripteur.strip(),
                      concordance=Concordance(donnees.concordance), informations=list(donnees.informations),
                      informations_precisions=donnees.informations_precisions.strip(),
                      suite=SuiteAccueil(donnees.suite), suite_motif=donnees.suite_motif.strip())
    session.add(accueil)
    session.flush()
    for u in donnees.urgences:
        if u.reperee:
            _creer_urgence(session, par=par, personne=personne, accueil=accueil, reperage=u,
                           le=donnees.date_accueil)
    if donnees.commande_prescripteur.strip() and not personne.commande_prescripteur:
        personne.commande_prescripteur = donnees.commande_prescripteur.strip()
    if accueil.suite in STATUT_APRES_SUITE and personne.statut in (StatutPersonne.ACCUEILLIE,
                                                                   StatutPersonne.SANS_SUITE,
                                                                   StatutPersonne.ORIENTEE):
        personne.statut = STATUT_APRES_SUITE[accueil.suite]
    signaux.contact_realise.send(session, personne=personne, le=donnees.date_accueil, prochain_rdv=donnees.prochain_rdv_le)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="accueil", objet_id=accueil.id)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="accueil", objet_id=accueil.id,
                                      le=donnees.date_accueil)
    return accueil


def _creer_urgence(session, *, par, personne, accueil, reperage: ReperageUrgence, le: date) -> Urgence:
    traitee = rules.urgence_est_traitee(reperage.action)
    urgence = Urgence(structure_id=personne.structure_id, personne_id=personne.id, accueil_id=accueil.id,
                      type_urgence=TypeUrgence(reperage.type_urgence), reperee_le=le,
                      contact=reperage.contact.strip()[:300], action=reperage.action.strip(),
                      traitee_le=le if traitee else None, traitee_par_id=par.id if traitee else None)
    session.add(urgence)
    session.flush()
    if traitee:
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="urgence", objet_id=urgence.id,
                                          le=le)
    return urgence


def traiter_urgence(session: Session, *, par, urgence: Urgence, contact: str, action: str,
                    le: date, aujourd_hui: date) -> Urgence:
    """Record the action that answers an open urgency; the alert disappears."""
    policy.exiger(policy.est_conseiller(par))
    if not urgence.ouverte:
        raise ErreurMetier("Cette urgence a déjà été traitée.", "action")
    if not rules.urgence_est_traitee(action):
        raise ErreurMetier("Décrivez l'action menée : qui a été appelé, ce qui a été fait.", "action")
    message = rules.erreur_date_passee(le, aujourd_hui, quoi="La date de l'action")
    if message:
        raise ErreurMetier(message, "le")
    if le < urgence.reperee_le:
        raise ErreurMetier("L'action ne peut pas précéder le repérage de l'urgence.", "le")
    urgence.contact, urgence.action = contact.strip()[:300], action.strip()
    urgence.traitee_le, urgence.traitee_par_id = le, par.id
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="urgence", objet_id=urgence.id)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="urgence", objet_id=urgence.id,
                                      le=le)
    return urgence


def urgences_ouvertes(session: Session, personne_id: uuid.UUID) -> list[Urgence]:
    return list(session.scalars(select(Urgence).where(Urgence.personne_id == personne_id,
                                                      Urgence.traitee_le.is_(None))
                                .order_by(Urgence.reperee_le)))
