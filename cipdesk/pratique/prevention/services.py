"""Use cases of the prevention of professional risks (REAC, compétence transversale). Flush only."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.pratique.prevention import queries, rules
from cipdesk.pratique.prevention.models import AlerteCharge, IncidentPublic, NatureIncident
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def declarer_incident(session: Session, *, auteur, survenu_le: date | None, nature: str | None, contexte: str,
                      soutien: str, declare: bool, aujourd_hui: date) -> IncidentPublic:
    """Record an incident with the public (date, nature, context, support received, declared
    or not); seen by the author and their chef de service. CT1: « Les situations pouvant
    altérer la sécurité et la santé sont repérées »."""
    policy.exiger(policy.peut(auteur, "pratique.analyser"))
    erreurs = rules.erreurs_incident(survenu_le, nature, contexte, aujourd_hui)
    if erreurs:
        champ, message = next(iter(erreurs.items()))
        raise ErreurMetier(message, champ)
    try:
        nature_enum = NatureIncident(nature)
    except ValueError:
        raise ErreurMetier("Choisissez la nature de l'incident.", "nature") from None
    incident = IncidentPublic(id=uuid.uuid4(), structure_id=auteur.structure_id, auteur_id=auteur.id,
                              survenu_le=survenu_le, nature=nature_enum, declare=bool(declare))
    incident.contexte = contexte.strip()
    incident.soutien = (soutien or "").strip()
    session.add(incident)
    session.flush()
    journaliser(session, acteur=auteur, action=Action.CREATION, objet_type="incident_public", objet_id=incident.id)
    signaux.activite_enregistree.send(session, utilisateur=auteur, objet_type="incident_public",
                                      objet_id=incident.id, le=survenu_le)
    return incident


def alerter_mon_chef(session: Session, *, auteur, message: str, aujourd_hui: date) -> AlerteCharge:
    """« Alerter mon chef de service »: an explicit alert with today's indicators. One alert
    waits at a time (the chef acknowledges it). CT1: « Les interlocuteurs en matière de
    prévention sont identifiés »."""
    policy.exiger(policy.peut(auteur, "pratique.analyser"))
    if queries.chef_de_l_equipe(session, auteur) is None:
        raise ErreurMetier("Aucun·e chef·fe de service n'est rattaché·e à votre équipe : adressez-vous à "
                           "l'administration de votre structure.", "message")
    if len(message or "") > 2000:
        raise ErreurMetier("2000 caractères au plus.", "message")
    en_attente = queries.alertes_de_charge(session, auteur.structure_id, auteur_id=auteur.id, ouvertes=True)
    if en_attente:
        raise ErreurMetier(f"Une alerte envoyée le {en_attente[0].envoyee_le:%d/%m/%Y} attend encore d'être prise en "
                           "compte par votre chef·fe de service.", "message")
    charge = queries.charge_de_travail(session, auteur, aujourd_hui)
    alerte = AlerteCharge(id=uuid.uuid4(), structure_id=auteur.structure_id, auteur_id=auteur.id,
                          equipe_id=auteur.equipe_id, envoyee_le=utcnow(), file_active=charge.file_active,
                          norme=charge.norme, entretiens_semaine=charge.entretiens_semaine, en_retard=charge.en_retard)
    alerte.message = (message or "").strip()
    session.add(alerte)
    session.flush()
    journaliser(session, acteur=auteur, action=Action.CREATION, objet_type="alerte_charge", objet_id=alerte.id)
    signaux.activite_enregistree.send(session, utilisateur=auteur, objet_type="alerte_charge", objet_id=alerte.id,
                                      le=aujourd_hui)
    return alerte


def prendre_en_compte(session: Session, *, chef, alerte: AlerteCharge, reponse: str) -> AlerteCharge:
    """The chef de service acknowledges a workload alert of their team, with what they will do."""
    policy.verifier_structure(chef, alerte)
    policy.exiger(policy.peut_traiter_alerte_de_charge(chef, alerte))
    if alerte.prise_en_compte_le is not None:
        raise ErreurMetier("Cette alerte est déjà prise en compte.", "reponse")
    if not (reponse or "").strip():
        raise ErreurMetier("Indiquez ce qui est décidé (rendez-vous, répartition de la file active…).", "reponse")
    alerte.prise_en_compte_le, alerte.prise_en_compte_par_id = utcnow(), chef.id
    alerte.reponse = reponse.strip()[:2000]
    session.flush()
    journaliser(session, acteur=chef, action=Action.MODIFICATION, objet_type="alerte_charge", objet_id=alerte.id)
    return alerte
