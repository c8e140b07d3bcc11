"""The employer (établissement identified by its SIRET) and its contacts.
The base is shared within a structure (issue #13, « Accès »)."""
from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.entreprises.rules import ModeContact, RoleContact, TrancheEffectif


class Entreprise(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "entreprise"
    __table_args__ = (
        # A SIRET is recorded once per structure (duplicate refused with a link).
        UniqueConstraint("structure_id", "siret", name="uq_entreprise_structure_siret"),
        Index("ix_entreprise_structure_nom", "structure_id", "nom_recherche"),
        Index("ix_entreprise_structure_naf", "structure_id", "naf_code"),
        Index("ix_entreprise_structure_commune", "structure_id", "commune_recherche"),
    )

    raison_sociale: Mapped[str] = mapped_column(String(200))
    enseigne: Mapped[str] = mapped_column(String(200), default="")
    nom_recherche: Mapped[str] = mapped_column(String(400))  # raison sociale + enseigne, lower, no accents
    siret: Mapped[str | None] = mapped_column(String(14))     # 14 digits, checked by python-stdnum
    siren: Mapped[str] = mapped_column(String(9), index=True)
    naf_code: Mapped[str] = mapped_column(String(6), default="")  # NAF rév. 2 sous-classe « NN.NNL »
    tranche_effectif: Mapped[TrancheEffectif | None] = mapped_column(colonne_enum(TrancheEffectif))
    secteur: Mapped[str] = mapped_column(String(200), default="")
    adresse: Mapped[str] = mapped_column(String(300), default="")
    code_postal: Mapped[str] = mapped_column(String(5), default="")
    commune: Mapped[str] = mapped_column(String(120), default="")
    commune_recherche: Mapped[str] = mapped_column(String(120), default="")
    telephone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    site: Mapped[str] = mapped_column(String(300), default="")
    observations: Mapped[str] = mapped_column(Text, default="")
    cree_par_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    contacts: Mapped[list[ContactEntreprise]] = relationship(
        back_populates="entreprise", order_by="ContactEntreprise.nom", cascade="all, delete-orphan")

    @property
    def nom(self) -> str:
        return f"{self.raison_sociale} ({self.enseigne})" if self.enseigne else self.raison_sociale


class ContactEntreprise(UuidPk, StructureScoped, Timestamps, Base):
    """A person at the employer: personal data (RGPD notice, rights and retention)."""
    __tablename__ = "contact_entreprise"

    entreprise_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entreprise.id"), index=True)
    civilite: Mapped[str] = mapped_column(String(10), default="")
    prenom: Mapped[str] = mapped_column(String(100), default="")
    nom: Mapped[str] = mapped_column(String(100))
    role: Mapped[RoleContact] = mapped_column(colonne_enum(RoleContact))
    fonction: Mapped[str] = mapped_column(String(200), default="")  # the title as the employer says it
    telephone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    mode_prefere: Mapped[ModeContact] = mapped_column(colonne_enum(ModeContact))
    disponibilites: Mapped[str] = mapped_column(String(300), default="")  # « le matin avant 10 h »…

    entreprise: Mapped[Entreprise] = relationship(back_populates="contacts")

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}".strip()
