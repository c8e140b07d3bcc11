"""Prévention des risques professionnels (REAC, compétence transversale): incidents with
the public and workload alerts sent to the chef de service."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, LargeBinary, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class NatureIncident(EnumLibelle):
    INCIVILITE = "incivilite"
    AGRESSION_VERBALE = "agression_verbale"
    MENACE = "menace"
    AGRESSION_PHYSIQUE = "agression_physique"
    ATTEINTE_BIENS = "atteinte_biens"
    DETRESSE = "detresse"
    AUTRE = "autre"


NatureIncident.LIBELLES = {
    "incivilite": "Incivilité", "agression_verbale": "Agression verbale, insultes", "menace": "Menaces",
    "agression_physique": "Agression physique", "atteinte_biens": "Atteinte aux biens",
    "detresse": "Situation de détresse éprouvante (propos suicidaires, crise)", "autre": "Autre",
}


class IncidentPublic(UuidPk, StructureScoped, Timestamps, Base):
    """An incident with the public, recorded by the conseiller who lived it; seen by them
    and by the chef de service of their team (issue #15, « Accès »)."""

    __tablename__ = "incident_public"

    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    survenu_le: Mapped[date] = mapped_column(Date)
    nature: Mapped[NatureIncident] = mapped_column(colonne_enum(NatureIncident, 30))
    # Declared to the employer (registre santé-sécurité, déclaration d'accident du travail…) or not.
    declare: Mapped[bool] = mapped_column(Boolean, default=False)
    contexte_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    contexte = TexteConfidentiel()
    soutien_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    soutien = TexteConfidentiel()

    auteur: Mapped[Utilisateur] = relationship()


class AlerteCharge(UuidPk, StructureScoped, Timestamps, Base):
    """« Alerter mon chef de service »: the conseiller's explicit alert, with the workload
    indicators of that day (kept as they were, so the chef sees what was signalled)."""

    __tablename__ = "alerte_charge"

    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    # The team whose chef de service receives it (the author's team when sent).
    equipe_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("equipe.id"), index=True)
    envoyee_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    file_active: Mapped[int] = mapped_column(Integer)
    norme: Mapped[int] = mapped_column(Integer)
    entretiens_semaine: Mapped[int] = mapped_column(Integer)
    en_retard: Mapped[int] = mapped_column(Integer)
    message_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    message = TexteConfidentiel()
    prise_en_compte_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    prise_en_compte_par_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    reponse_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    reponse = TexteConfidentiel()

    auteur: Mapped[Utilisateur] = relationship(foreign_keys=[auteur_id])
