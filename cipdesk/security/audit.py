"""Append-only audit log (SECURITY.md "Audit"): who, when, from where, what
object, which action — never the content.

Rows cannot be updated or deleted: the ORM refuses it here, and database
triggers (see the migration) refuse it for anyone who bypasses the ORM. Only
the retention purge may delete, inside a transaction that first sets the
`audit_purge` flag.
"""
from __future__ import annotations

import contextvars
import enum
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, DateTime, String, Uuid, event, func
from sqlalchemy.orm import Mapped, Session, mapped_column

from cipdesk.core.db import Base, utcnow
from cipdesk.core.libelles import colonne_enum


class Action(enum.StrEnum):
    LECTURE = "lecture"
    CREATION = "creation"
    MODIFICATION = "modification"
    SUPPRESSION = "suppression"
    EXPORT = "export"
    PARTAGE = "partage"
    CONNEXION = "connexion"
    ECHEC_CONNEXION = "echec_connexion"
    DECONNEXION = "deconnexion"
    ADMINISTRATION = "administration"
    CLES = "cles"
    REFUS = "refus"

    @property
    def libelle(self) -> str:
        return ACTION_LIBELLES[self]


ACTION_LIBELLES = {
    Action.LECTURE: "Lecture",
    Action.CREATION: "Création",
    Action.MODIFICATION: "Modification",
    Action.SUPPRESSION: "Suppression",
    Action.EXPORT: "Export",
    Action.PARTAGE: "Partage",
    Action.CONNEXION: "Connexion",
    Action.ECHEC_CONNEXION: "Échec de connexion",
    Action.DECONNEXION: "Déconnexion",
    Action.ADMINISTRATION: "Administration",
    Action.CLES: "Gestion des clés",
    Action.REFUS: "Accès refusé",
}


class JournalAudit(Base):
    __tablename__ = "journal_audit"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                         server_default=func.now(), index=True)
    acteur_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    acteur_libelle: Mapped[str] = mapped_column(String(300), default="")
    role: Mapped[str] = mapped_column(String(30), default="")
    structure_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    action: Mapped[Action] = mapped_column(colonne_enum(Action, 30),
                                           index=True)
    objet_type: Mapped[str] = mapped_column(String(60), default="", index=True)
    objet_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    adresse_ip: Mapped[str] = mapped_column(String(64), default="")
    agent: Mapped[str] = mapped_column(String(300), default="")
    motif: Mapped[str] = mapped_column(String(500), default="")
    # Non-content details only (e.g. {"champs": ["statut"]}); never a note's text.
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class JournalImmuable(RuntimeError):
    pass


@event.listens_for(JournalAudit, "before_update")
def _refuser_modification(mapper, connection, target):  # noqa: ARG001
    raise JournalImmuable("Le journal d'audit ne peut pas être modifié.")


@event.listens_for(JournalAudit, "before_delete")
def _refuser_suppression(mapper, connection, target):  # noqa: ARG001
    raise JournalImmuable("Le journal d'audit ne peut pas être supprimé ligne à ligne.")


@dataclass(frozen=True)
class Provenance:
    adresse_ip: str = ""
    agent: str = ""


# Set by the web layer for each request, so services need not know about Flask.
provenance_courante: contextvars.ContextVar[Provenance] = contextvars.ContextVar(
    "provenance_courante", default=Provenance()
)


def journaliser(session: Session, *, acteur, action: Action, objet_type: str = "",
                objet_id: object = "", structure_id: uuid.UUID | None = None,
                motif: str = "", details: dict | None = None) -> JournalAudit:
    """Append one audit row. `acteur` is a Utilisateur or None (anonymous)."""
    provenance = provenance_courante.get()
    ligne = JournalAudit(
        acteur_id=getattr(acteur, "id", None),
        acteur_libelle=(f"{acteur.nom_complet} <{acteur.email}>" if acteur is not None else ""),
        role=str(getattr(acteur, "role", "") or ""),
        structure_id=structure_id if structure_id is not None else getattr(acteur, "structure_id", None),
        action=action,
        objet_type=objet_type,
        objet_id=str(objet_id or ""),
        adresse_ip=provenance.adresse_ip[:64],
        agent=provenance.agent[:300],
        motif=motif[:500],
        details=details or {},
    )
    session.add(ligne)
    return ligne


class AuditPurgeAutorisee(Base):
    """Presence of a row lets the database triggers accept DELETEs on the audit
    log within the current transaction (retention purge only)."""

    __tablename__ = "audit_purge_autorisee"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
