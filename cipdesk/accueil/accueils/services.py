"""Use cases of the accueil individuel and its urgencies.
They take the session, the acting user and today's date; flush, never commit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil.accueils import rules
from cipdesk.accueil.accueils.models import (INFORMATIONS, Accueil, Concordance, ModeAccueil, SuiteAccueil,
                                             TypeUrgence, Urgence)
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


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
    concordance: str = ""   # optional: "" is stored as NULL (not assessed)
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
    if d.concordance and d.concordance not in {c.value for c in Concordance}:
        erreurs["concordance"] = "Choix inconnu."
    elif d.concordance and d.concordance != Concordance.SANS_COMMANDE and not d.commande_prescripteur.strip():
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
                      concordance=Concordance(donnees.concordance) if donnees.concordance else None, informations=list(donnees.informations),
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
                                      le=donnees.date_accueil,
                                      regle=rules.regle_de_preuve_accueil(accueil.informations,
                                                                          donnees.informations_precisions))
    return accueil


def _creer_urgence(session, *, par, personne, accueil, reperage: ReperageUrgence, le: date) -> Urgence:
    traitee = rules.urgence_est_traitee(reperage.action)
    urgence = Urgence(structure_id=personne.structure_id, personne_id=personne.id, accueil_id=accueil.id,
                      type_urgence=TypeUrgence(reperage.type_urgence), reperee_le=le,
                      contact=reperage.contact.strip()[:300], action=reperage.action.strip(),
                      traitee_le=le if traitee else None, traitee_par_id=par.id if traitee else None)
    session.add(urgence)
    session.flush()
    # Detecting an urgency is CP2 (REAC), answered or not; calling someone outside adds CP4.
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="urgence", objet_id=urgence.id,
                                      le=le, regle=rules.regle_de_preuve_urgence(reperage.contact if traitee else ""))
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
                                      le=le, regle=rules.regle_de_preuve_urgence(contact))
    return urgence
