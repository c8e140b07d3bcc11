"""Queries of attendance: the grid, the alert of unexcused absences, the timeline, hours attended."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.presences.rules import StatutPresence, minutes_suivies
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import Periode
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes, SourceDeChronologie

FENETRE_ALERTE = timedelta(days=30)


def statuts_de_la_demi_journee(session: Session, demi: DemiJournee) -> dict[uuid.UUID, StatutPresence]:
    return dict(session.execute(select(Presence.inscription_id, Presence.statut)
                                .where(Presence.demi_journee_id == demi.id)).all())


def statuts_de_la_session(session: Session, sess: SessionAtelier) -> dict[tuple, StatutPresence]:
    """{(inscription_id, demi_journee_id): statut} for the whole session (one query)."""
    return {(i, d): s for i, d, s in session.execute(
        select(Presence.inscription_id, Presence.demi_journee_id, Presence.statut)
        .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
        .where(DemiJournee.session_id == sess.id)).all()}


def minutes_de_presence(session: Session, inscription: Inscription) -> int:
    lignes = session.execute(select(Presence.statut, DemiJournee.debut, DemiJournee.fin)
                             .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
                             .where(Presence.inscription_id == inscription.id)).all()
    from cipdesk.ateliers.sessions.rules import minutes

    return minutes_suivies([(s, minutes(d, f)) for s, d, f in lignes])


def _absences(personne_ids, aujourd_hui: date):
    return (select(Inscription.personne_id.label("personne_id"), Atelier.titre.label("texte"),
                   DemiJournee.le.label("le"), Presence.id.label("objet_id"))
            .join(Inscription, Inscription.id == Presence.inscription_id)
            .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
            .join(SessionAtelier, SessionAtelier.id == DemiJournee.session_id)
            .join(Atelier, Atelier.id == SessionAtelier.atelier_id)
            .where(Presence.statut == StatutPresence.ABSENT, Inscription.personne_id.in_(personne_ids),
                   DemiJournee.le >= aujourd_hui - FENETRE_ALERTE, DemiJournee.le <= aujourd_hui))


def _lire_absences(lignes, aujourd_hui: date) -> list[Alerte]:
    vues: set[uuid.UUID] = set()
    alertes = []
    for l in sorted(lignes, key=lambda l: l.le, reverse=True):
        if l.personne_id in vues:  # the latest absence only
            continue
        vues.add(l.personne_id)
        alertes.append(Alerte(l.personne_id, "absence_atelier",
                              f"Absence non excusée à l'atelier « {l.texte} » le {l.le:%d/%m/%Y}", 2,
                              "presence_atelier", l.objet_id))
    return alertes


def _classer_absences(personne_ids, aujourd_hui: date, reglages: dict):
    return (select(Inscription.personne_id.label("personne_id"), literal(2).label("gravite")).select_from(Presence)
            .join(Inscription, Inscription.id == Presence.inscription_id)
            .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id)
            .where(Presence.statut == StatutPresence.ABSENT, Inscription.personne_id.in_(personne_ids),
                   DemiJournee.le >= aujourd_hui - FENETRE_ALERTE, DemiJournee.le <= aujourd_hui))


# An unexcused absence at an atelier in the last 30 days: an alert for the référent (one query
# for every person).
alertes_absences = SourceDAlertes(_absences, _lire_absences, _classer_absences)


def _presences(personne_id, lecteur_id):  # noqa: ARG001
    return select(DemiJournee.le.label("le"), Presence.created_at.label("saisi"), Atelier.titre.label("texte"),
                  DemiJournee.periode.label("texte2"), Presence.statut.label("texte3"),
                  DemiJournee.session_id.label("objet_id")) \
        .join(Inscription, Inscription.id == Presence.inscription_id) \
        .join(DemiJournee, DemiJournee.id == Presence.demi_journee_id) \
        .join(SessionAtelier, SessionAtelier.id == DemiJournee.session_id) \
        .join(Atelier, Atelier.id == SessionAtelier.atelier_id).where(Inscription.personne_id == personne_id)


def _lire_presences(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(p.le, p.saisi, "presence_atelier",
                      f"Atelier « {p.texte} » ({Periode(p.texte2).libelle.lower()}) : "
                      f"{StatutPresence(p.texte3).libelle.lower()}", "", "ateliers.sessions.voir",
                      (("session_id", p.objet_id),), alerte=p.texte3 == StatutPresence.ABSENT.value)
            for p in lignes]


# Attendance at workshops (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_presences, _lire_presences)
