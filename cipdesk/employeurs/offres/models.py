"""Recruitment support (REAC CP13): the employer's need analysed in an entretien →
fiche de poste → offre d'emploi, and the justifications of kept requirements."""
from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned, utcnow
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise
from cipdesk.employeurs.offres.rules import StatutOffre, TypeContrat


class FicheDePoste(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """The position as analysed with the employer (REAC CP13: « Analyser le poste ou la
    situation de travail », « Rédiger une fiche de poste »)."""
    __tablename__ = "fiche_de_poste"

    entreprise_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entreprise.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("contact_entreprise.id"))
    redigee_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    entretien_le: Mapped[date] = mapped_column(Date)       # the entretien d'analyse du besoin
    besoin: Mapped[str] = mapped_column(Text)              # the employer's need, in their words
    intitule: Mapped[str] = mapped_column(String(200))
    rome_code: Mapped[str] = mapped_column(String(5), default="")
    missions: Mapped[str] = mapped_column(Text)
    activites: Mapped[str] = mapped_column(Text, default="")
    competences: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")  # physical demands, environment, risks
    type_contrat: Mapped[TypeContrat] = mapped_column(colonne_enum(TypeContrat))
    duree_hebdo: Mapped[str] = mapped_column(String(60), default="")
    horaires: Mapped[str] = mapped_column(String(200), default="")
    remuneration: Mapped[str] = mapped_column(String(120), default="")
    lieu: Mapped[str] = mapped_column(String(200), default="")
    # What matching compares with the person (issue #13 point 6): codes of profils.rules.Permis / Horaire.
    permis_requis: Mapped[list | None] = mapped_column(JSON, default=list)
    horaires_atypiques: Mapped[list | None] = mapped_column(JSON, default=list)

    entreprise: Mapped[Entreprise] = relationship()
    contact: Mapped[ContactEntreprise | None] = relationship()
    redigee_par: Mapped[Utilisateur] = relationship()
    offres: Mapped[list[Offre]] = relationship(back_populates="fiche", order_by="Offre.created_at")


class Offre(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """A job offer written from a fiche de poste; diffused only once every flag of the
    non-discrimination check is fixed or justified."""
    __tablename__ = "offre_emploi"
    __table_args__ = (Index("ix_offre_emploi_structure_statut", "structure_id", "statut"),)

    fiche_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("fiche_de_poste.id"), index=True)
    entreprise_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entreprise.id"), index=True)
    intitule: Mapped[str] = mapped_column(String(200))
    texte: Mapped[str] = mapped_column(Text)
    nombre_postes: Mapped[int] = mapped_column(default=1)
    ouverte_le: Mapped[date] = mapped_column(Date)
    cloture_le: Mapped[date | None] = mapped_column(Date)
    statut: Mapped[StatutOffre] = mapped_column(colonne_enum(StatutOffre), default=StatutOffre.BROUILLON)
    verifiee_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # last check without open flag

    fiche: Mapped[FicheDePoste] = relationship(back_populates="offres")
    entreprise: Mapped[Entreprise] = relationship()
    justifications: Mapped[list[JustificationOffre]] = relationship(
        back_populates="offre", order_by="JustificationOffre.created_at")


class JustificationOffre(UuidPk, StructureScoped, Timestamps, Base):
    """A flagged requirement kept on purpose, with its written reason (art. L1133-1)."""
    __tablename__ = "justification_offre"
    __table_args__ = (UniqueConstraint("offre_id", "cle", name="uq_justification_offre_offre_cle"),)

    offre_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("offre_emploi.id"))
    cle: Mapped[str] = mapped_column(String(300))          # Signalement.cle: rule code + words
    code_regle: Mapped[str] = mapped_column(String(40))
    extrait: Mapped[str] = mapped_column(String(250))
    justification: Mapped[str] = mapped_column(Text)
    par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    offre: Mapped[Offre] = relationship(back_populates="justifications")
    par: Mapped[Utilisateur] = relationship()
