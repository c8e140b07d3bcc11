"""Queries of the accueil individuel: open urgencies (alert provider and the
caseload's filter), the accueil part of the person's timeline, notes attached to
accueil records."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import exists, literal, select
from sqlalchemy.orm import Session

from cipdesk.accueil.accueils.models import Accueil, ModeAccueil, SuiteAccueil, TypeUrgence, Urgence
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes, SourceDeChronologie
from cipdesk.notes.queries import source_des_notes


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
def _accueils(personne_id, lecteur_id):  # noqa: ARG001
    return select(Accueil.id.label("objet_id"), Accueil.date_accueil.label("le"), Accueil.created_at.label("saisi"),
                  Accueil.mode.label("texte"), Accueil.suite.label("texte2"), Utilisateur.prenom.label("texte3"),
                  Utilisateur.nom.label("texte4")).join(Utilisateur, Utilisateur.id == Accueil.conseiller_id) \
        .where(Accueil.personne_id == personne_id)


def _lire_accueils(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(a.le, a.saisi, "accueil", f"Accueil individuel ({ModeAccueil(a.texte).libelle.lower()})",
                      f"Suite : {SuiteAccueil(a.texte2).libelle} — par {a.texte3} {a.texte4}",
                      "accueil.accueils.voir", (("accueil_id", a.objet_id),)) for a in lignes]


# Accueils individuels (a part of the person's one timeline statement).
chronologie_accueils = SourceDeChronologie(_accueils, _lire_accueils)


def _urgences_de(personne_id, lecteur_id):  # noqa: ARG001
    return select(Urgence.accueil_id.label("objet_id"), Urgence.reperee_le.label("le"),
                  Urgence.created_at.label("saisi"), Urgence.type_urgence.label("texte"),
                  Urgence.traitee_le.label("le2")).where(Urgence.personne_id == personne_id)


def _lire_urgences_de(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(u.le, u.saisi, "urgence", f"Urgence repérée : {TypeUrgence(u.texte).libelle}",
                      "Non traitée" if u.le2 is None else f"Action menée le {u.le2:%d/%m/%Y}",
                      "accueil.accueils.voir", (("accueil_id", u.objet_id),) if u.objet_id else (),
                      alerte=u.le2 is None)
            for u in lignes]


# Urgencies spotted at an accueil, open ones flagged.
chronologie_urgences = SourceDeChronologie(_urgences_de, _lire_urgences_de)

# Confidential notes attached to the person's accueils that the reader may read (none for a role
# that never reads notes).
chronologie_notes = source_des_notes("accueil", lambda personne_id: select(Accueil.id).where(
    Accueil.personne_id == personne_id))


def pour_le_diagnostic(session: Session, personne_id: uuid.UUID) -> tuple[list[Urgence], str]:
    """What the accueil noted that the diagnostic starts from (issue #11, point 3): the person's
    urgencies, oldest first, and their latest expressed demand (two queries)."""
    urgences = list(session.scalars(select(Urgence).where(Urgence.personne_id == personne_id)
                                    .order_by(Urgence.reperee_le)))
    dernier = session.scalars(select(Accueil).where(Accueil.personne_id == personne_id)
                              .order_by(Accueil.date_accueil.desc()).limit(1)).first()
    return urgences, (dernier.demande_exprimee or "") if dernier else ""
