"""Queries of the accueil individuel: open urgencies (alert provider and the
caseload's filter), the accueil part of the person's timeline, notes attached to
accueil records."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import exists, literal, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.accueil.accueils.models import Accueil, TypeUrgence, Urgence
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes
from cipdesk.notes.queries import chronologie_des_notes


def _urgences(personne_ids, aujourd_hui: date):
    return select(Urgence.personne_id.label("personne_id"), Urgence.id.label("objet_id"),
                  Urgence.accueil_id.label("autre_id"), Urgence.type_urgence.label("texte"),
                  Urgence.reperee_le.label("le")).where(Urgence.personne_id.in_(personne_ids),
                                                        Urgence.traitee_le.is_(None))


def _lire_urgences(lignes, aujourd_hui: date) -> list[Alerte]:
    # An urgency recorded outside an accueil (accueil_id NULL) has no accueil page: its alert leads to the person.
    return [Alerte(u.personne_id, "urgence_ouverte",
                   f"Urgence non traitée : {TypeUrgence(u.texte).libelle.lower()} (repérée le {u.le:%d/%m/%Y})",
                   3, "urgence", u.objet_id, endpoint="accueil.accueils.voir" if u.autre_id else "",
                   params=(("accueil_id", u.autre_id), ("_anchor", "titre-urgences")) if u.autre_id else ())
            for u in sorted(lignes, key=lambda u: u.le)]


def _classer_urgences(personne_ids, aujourd_hui: date, reglages: dict):
    return select(Urgence.personne_id.label("personne_id"), literal(3).label("gravite")).where(
        Urgence.personne_id.in_(personne_ids), Urgence.traitee_le.is_(None))


# An urgency without an answer stays a visible alert (one query for all ids).
alertes_urgences = SourceDAlertes(_urgences, _lire_urgences, _classer_urgences)


def urgence_ouverte(personne_id):
    """The caseload's « urgence » filter (`Module.filtres_personnes`): a SQL condition
    on a person's id, true while one of their urgencies has no answer."""
    return exists().where(Urgence.personne_id == personne_id, Urgence.traitee_le.is_(None))


def urgences_ouvertes(session: Session, personne_id: uuid.UUID) -> list[Urgence]:
    return list(session.scalars(select(Urgence).where(Urgence.personne_id == personne_id,
                                                      Urgence.traitee_le.is_(None))
                                .order_by(Urgence.reperee_le)))


# -- the person's timeline (providers declared in accueil/module.py) -------------------
def chronologie_accueils(session: Session, personne, lecteur) -> list[Evenement]:
    """Accueils individuels (one query)."""
    accueils = session.scalars(select(Accueil).where(Accueil.personne_id == personne.id)
                               .options(joinedload(Accueil.conseiller))).all()
    return [Evenement(a.date_accueil, a.created_at, "accueil", f"Accueil individuel ({a.mode.libelle.lower()})",
                      f"Suite : {a.suite.libelle} — par {a.conseiller.nom_complet}",
                      "accueil.accueils.voir", (("accueil_id", a.id),)) for a in accueils]


def chronologie_urgences(session: Session, personne, lecteur) -> list[Evenement]:
    """Urgencies spotted at an accueil, open ones flagged (one query)."""
    return [Evenement(u.reperee_le, u.created_at, "urgence", f"Urgence repérée : {u.type_urgence.libelle}",
                      "Non traitée" if u.ouverte else f"Action menée le {u.traitee_le:%d/%m/%Y}",
                      "accueil.accueils.voir", (("accueil_id", u.accueil_id),) if u.accueil_id else (),
                      alerte=u.ouverte)
            for u in session.scalars(select(Urgence).where(Urgence.personne_id == personne.id))]


def chronologie_notes(session: Session, personne, lecteur) -> list[Evenement]:
    """Confidential notes attached to the person's accueils that the reader may read
    (one query; none for a role that never reads notes)."""
    return chronologie_des_notes(session, lecteur, "accueil",
                                 select(Accueil.id).where(Accueil.personne_id == personne.id))


def pour_le_diagnostic(session: Session, personne_id: uuid.UUID) -> tuple[list[Urgence], str]:
    """What the accueil noted that the diagnostic starts from (issue #11, point 3): the person's
    urgencies, oldest first, and their latest expressed demand (two queries)."""
    urgences = list(session.scalars(select(Urgence).where(Urgence.personne_id == personne_id)
                                    .order_by(Urgence.reperee_le)))
    dernier = session.scalars(select(Accueil).where(Accueil.personne_id == personne_id)
                              .order_by(Accueil.date_accueil.desc()).limit(1)).first()
    return urgences, (dernier.demande_exprimee or "") if dernier else ""
