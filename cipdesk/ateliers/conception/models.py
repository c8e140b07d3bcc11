"""The design of an atelier (REAC CP9): analyse de la demande, cahier des charges,
objectifs pédagogiques opérationnels, progression pédagogique (séquences), dispositif
d'évaluation."""
from __future__ import annotations

import uuid

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum


class Atelier(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "atelier"
    __table_args__ = (CheckConstraint("places_min <= places_max", name="places"),)

    titre: Mapped[str] = mapped_column(String(200))
    # -- analyse de la demande (REAC CP9 : « Identifier le contexte, les changements
    #    recherchés et les compétences à acquérir »)
    origine: Mapped[Origine] = mapped_column(colonne_enum(Origine))
    commanditaire: Mapped[str] = mapped_column(String(200), default="")
    contexte: Mapped[str] = mapped_column(Text, default="")
    changements_recherches: Mapped[str] = mapped_column(Text, default="")
    competences_visees: Mapped[str] = mapped_column(Text, default="")
    caracteristiques_public: Mapped[str] = mapped_column(Text, default="")
    contraintes: Mapped[str] = mapped_column(Text, default="")
    # -- cahier des charges
    public_prerequis: Mapped[str] = mapped_column(Text, default="")
    places_min: Mapped[int] = mapped_column(Integer, default=1)
    places_max: Mapped[int] = mapped_column(Integer)
    duree_minutes: Mapped[int] = mapped_column(Integer)   # length of one session (all its half-days)
    rythme: Mapped[str] = mapped_column(String(200), default="")
    format: Mapped[Format] = mapped_column(colonne_enum(Format), default=Format.PRESENTIEL)
    lieu: Mapped[str] = mapped_column(String(200), default="")
    objectif_general: Mapped[str] = mapped_column(Text, default="")
    ressources_budget: Mapped[str] = mapped_column(Text, default="")
    animateurs: Mapped[str] = mapped_column(Text, default="")  # names, partners included
    developpement_durable: Mapped[str] = mapped_column(Text, default="")
    prevention_risques: Mapped[str] = mapped_column(Text, default="")
    # -- dispositif d'évaluation (REAC CP9 : « en élaborer le dispositif d'évaluation »)
    satisfaction_a_chaud: Mapped[bool] = mapped_column(Boolean, default=True)
    suivi_a_froid_semaines: Mapped[int | None] = mapped_column(Integer)
    concepteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    # The atelier this one was duplicated from (used as a model).
    modele_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("atelier.id"))

    concepteur: Mapped[Utilisateur] = relationship(foreign_keys=[concepteur_id])
    objectifs: Mapped[list[ObjectifPedagogique]] = relationship(
        back_populates="atelier", order_by="ObjectifPedagogique.ordre", cascade="all, delete-orphan")
    sequences: Mapped[list[Sequence]] = relationship(
        back_populates="atelier", order_by="Sequence.ordre", cascade="all, delete-orphan")

    @property
    def duree_progression(self) -> int:
        return sum(s.duree_minutes for s in self.sequences)


class ObjectifPedagogique(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """An objectif pédagogique opérationnel: what the participant will be able to do,
    under which conditions, with which criterion; and how its achievement is evaluated."""
    __tablename__ = "objectif_pedagogique"

    atelier_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("atelier.id", ondelete="CASCADE"), index=True)
    ordre: Mapped[int] = mapped_column(Integer, default=0)
    capacite: Mapped[str] = mapped_column(Text)            # « être capable de … »
    conditions: Mapped[str] = mapped_column(Text, default="")
    critere: Mapped[str] = mapped_column(Text, default="")
    modalite_evaluation: Mapped[str] = mapped_column(Text, default="")

    atelier: Mapped[Atelier] = relationship(back_populates="objectifs")


class Sequence(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """One line of the progression pédagogique (scénario pédagogique)."""
    __tablename__ = "sequence_atelier"
    __table_args__ = (CheckConstraint("duree_minutes > 0", name="duree"),)

    atelier_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("atelier.id", ondelete="CASCADE"), index=True)
    ordre: Mapped[int] = mapped_column(Integer, default=0)
    titre: Mapped[str] = mapped_column(String(200))
    duree_minutes: Mapped[int] = mapped_column(Integer)
    objectif_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("objectif_pedagogique.id", ondelete="SET NULL"))
    contenu: Mapped[str] = mapped_column(Text, default="")
    methode: Mapped[Methode] = mapped_column(colonne_enum(Methode))
    modalite: Mapped[Modalite] = mapped_column(colonne_enum(Modalite))
    format: Mapped[Format] = mapped_column(colonne_enum(Format), default=Format.PRESENTIEL)
    activites: Mapped[str] = mapped_column(Text, default="")
    ressources: Mapped[str] = mapped_column(Text, default="")
    evaluation: Mapped[str] = mapped_column(Text, default="")
    # REAC CP10 : « Anticiper les difficultés d'apprentissage … et prévoir des scénarii alternatifs ».
    scenario_alternatif: Mapped[str] = mapped_column(Text, default="")

    atelier: Mapped[Atelier] = relationship(back_populates="sequences")
    objectif: Mapped[ObjectifPedagogique | None] = relationship()
