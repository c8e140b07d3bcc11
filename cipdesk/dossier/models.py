"""What the candidat keeps of their dossier: per part, the chosen cases, their own
writing (introduction, transitions, texts standing for a rule, the analyse de pratique,
trimmed blocks) and how the assembled blocks are ordered or hidden."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, LargeBinary, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.security.chiffrement import TexteConfidentiel


class PartieRedigee(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """One part of one candidat's dossier (production « titre », or a CCP's)."""

    __tablename__ = "dossier_partie"
    __table_args__ = (UniqueConstraint("utilisateur_id", "production", "numero", name="uq_dossier_partie"),)

    utilisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    production: Mapped[str] = mapped_column(String(10), default="titre")
    numero: Mapped[int] = mapped_column(Integer)
    # The chosen cases, « objet_type:uuid » (record ids only, no personal data).
    cas: Mapped[list] = mapped_column(JSON, default=list)
    # {"ordre": [block keys], "masques": [block keys]}: layout choices, no personal data.
    reglages: Mapped[dict] = mapped_column(JSON, default=dict)
    # The candidat's writing: {"introduction", "transitions", analysis fields, rule idents,
    # "coupes": {block key: trimmed text}}: it describes people, hence encrypted.
    textes_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    textes = TexteConfidentiel(json=True)


class RelectureDossier(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """The candidat asks their tutor, or a chef de service they choose, to review one part;
    the reviewer's comment is kept with the part (issue #16, point 9)."""

    __tablename__ = "dossier_relecture"

    candidat_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    relecteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    numero: Mapped[int] = mapped_column(Integer)
    demandee_le: Mapped[date] = mapped_column(Date)
    commentee_le: Mapped[date | None] = mapped_column(Date)
    # The reviewer's comment may quote the draft, which describes people: encrypted.
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()

    candidat: Mapped[Utilisateur] = relationship(foreign_keys=[candidat_id])
    relecteur: Mapped[Utilisateur] = relationship(foreign_keys=[relecteur_id])


class AccompagnementVAE(UuidPk, StructureScoped, Timestamps, Base):
    """An accompagnateur of a collective VAE (COORACE seed: « accompagnement collectif ») follows
    the readiness of the candidats attached to them — the summary only, never their caseloads
    (issue #16, point 9). Attached by a chef de service or the admin of the structure."""

    __tablename__ = "dossier_accompagnement_vae"
    __table_args__ = (UniqueConstraint("accompagnateur_id", "candidat_id", name="uq_dossier_accompagnement_vae"),)

    accompagnateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    candidat_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    groupe: Mapped[str] = mapped_column(String(120), default="")   # « VAE collective COORACE — Hauts-de-France »

    accompagnateur: Mapped[Utilisateur] = relationship(foreign_keys=[accompagnateur_id])
    candidat: Mapped[Utilisateur] = relationship(foreign_keys=[candidat_id])
