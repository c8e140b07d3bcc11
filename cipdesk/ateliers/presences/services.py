"""Attendance (REAC CP10): one grid per half-day. Attendance writes the last contact
through the `contact_realise` signal (the personnes module keeps the caseload's columns) and
moves the participant's étape « atelier » through `presence_atelier` (the parcours module)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.presences.rules import StatutPresence, est_venu
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription
from cipdesk.ateliers.sessions.rules import StatutInscription
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier


def enregistrer_presences(session: Session, demi: DemiJournee, *, par, le: date,
                          statuts: dict[uuid.UUID, StatutPresence | None]) -> int:
    """Record the statuses chosen (a row left empty records nothing); returns how many were
    recorded. A half-day to come has no attendance yet."""
    if demi.le > le:
        raise ErreurMetier("Cette demi-journée n'a pas encore eu lieu : la présence se saisit le jour même ou après.")
    inscriptions = {i.id: i for i in demi.session.inscriptions if i.statut == StatutInscription.INSCRIT}
    existantes = {p.inscription_id: p for p in session.scalars(
        select(Presence).where(Presence.demi_journee_id == demi.id))}
    nombre = 0
    derniere = demi.session.demi_journees[-1].id == demi.id
    for inscription_id, statut in statuts.items():
        inscription: Inscription | None = inscriptions.get(inscription_id)
        if inscription is None or statut is None:
            continue
        presence = existantes.get(inscription_id)
        if presence is None:
            presence = Presence(structure_id=demi.structure_id, demi_journee_id=demi.id,
                                inscription_id=inscription_id, statut=statut, saisi_par_id=par.id)
            session.add(presence)
        else:
            presence.statut, presence.saisi_par_id = statut, par.id
        nombre += 1
        if est_venu(statut):
            # ★ The participant came: a contact with them took place (last contact, timeline).
            signaux.contact_realise.send(session, personne=inscription.personne, le=demi.le, prochain_rdv=None,
                                         aujourd_hui=le)
        # The participant's étape « atelier » follows (parcours module, by signal).
        signaux.presence_atelier.send(session, personne=inscription.personne, par=par,
                                      intitule=demi.session.atelier.titre, le=demi.le, venu=est_venu(statut),
                                      derniere=derniere, aujourd_hui=le)
    session.flush()
    if nombre and not existantes:
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="emargement", objet_id=demi.id,
                                          le=demi.le)
    return nombre
