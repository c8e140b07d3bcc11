"""Synthèse d'entretien, orientation / fiche de liaison, réunion d'information collective."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import (Boolean, Date, ForeignKey, Index, JSON, LargeBinary, String, Text,
                        UniqueConstraint, Uuid)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.accueil.models import Partenaire
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.personnes.models import Personne
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel



class ModePartage(EnumLibelle):
    MAIN_PROPRE = "main_propre"
    COURRIEL = "courriel"
    COURRIER = "courrier"
    LU_ENSEMBLE = "lu_ensemble"


ModePartage.LIBELLES = {"main_propre": "Remise en main propre", "courriel": "Envoi par courriel",
                        "courrier": "Envoi par courrier", "lu_ensemble": "Lu ensemble à l'écran"}


class Synthese(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Synthèse d'entretien: facts kept apart from the conseiller's analysis
    (RC §3.2 CP5: « les écrits professionnels respectent les principes éthiques »)."""

    __tablename__ = "synthese"
    __table_args__ = (Index("ix_synthese_personne_date", "personne_id", "date_entretien"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    date_entretien: Mapped[date] = mapped_column(Date)
    objet_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    objet = TexteConfidentiel()
    faits_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # what was observed / said, factual
    faits = TexteConfidentiel()
    paroles_personne_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # the person's words and wishes
    paroles_personne = TexteConfidentiel()
    analyse_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # the conseiller's opinion, labelled so
    analyse = TexteConfidentiel()
    suites_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)  # what was agreed, next steps
    suites = TexteConfidentiel()
    # The person agreed that the analysis appears in the document given to them.
    analyse_partagee: Mapped[bool] = mapped_column(Boolean, default=False)
    partagee_le: Mapped[date | None] = mapped_column(Date)
    partage_mode: Mapped[ModePartage | None] = mapped_column(colonne_enum(ModePartage))

    personne: Mapped[Personne] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()


class ReponsePartenaire(EnumLibelle):
    EN_ATTENTE = "en_attente"
    ACCEPTEE = "acceptee"
    REFUSEE = "refusee"


ReponsePartenaire.LIBELLES = {"en_attente": "En attente", "acceptee": "Acceptée", "refusee": "Refusée"}


class Orientation(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Orientation to a partner with its fiche de liaison (CP4). Information is
    passed only with the person's consent (secret partagé, CASF L121-6-2)."""

    __tablename__ = "orientation"
    __table_args__ = (Index("ix_orientation_personne_date", "personne_id", "date_orientation"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    partenaire_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("partenaire.id"), index=True)
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    date_orientation: Mapped[date] = mapped_column(Date)
    motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    motif = TexteConfidentiel()
    informations_transmises_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    informations_transmises = TexteConfidentiel()
    consentement: Mapped[bool] = mapped_column(Boolean, default=False)
    consentement_le: Mapped[date | None] = mapped_column(Date)
    consentement_mode_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    consentement_mode = TexteConfidentiel()
    reponse: Mapped[ReponsePartenaire] = mapped_column(colonne_enum(ReponsePartenaire),
                                                       default=ReponsePartenaire.EN_ATTENTE)
    reponse_le: Mapped[date | None] = mapped_column(Date)
    reponse_commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    reponse_commentaire = TexteConfidentiel()

    personne: Mapped[Personne] = relationship()
    partenaire: Mapped[Partenaire] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()


CONTENUS_REUNION = {
    "structure": "Présentation de la structure et de son offre de services",
    "dispositifs": "Dispositifs et mesures (PLIE, IAE, CEJ, contrat d'engagement…)",
    "droits": "Droits et obligations, engagements réciproques",
    "numerique": "Services dématérialisés (France Travail, CAF, ameli…)",
    "partenaires": "Partenaires du territoire",
}


class ResultatReunion(EnumLibelle):
    PRESENT = "present"
    RDV_INDIVIDUEL = "rdv_individuel"
    ENTREE = "entree_accompagnement"
    ORIENTATION = "orientation"
    SANS_SUITE = "sans_suite"
    ABSENT = "absent"


ResultatReunion.LIBELLES = {"present": "Présent·e, suite à définir",
                            "rdv_individuel": "Rendez-vous individuel proposé",
                            "entree_accompagnement": "Entrée en accompagnement",
                            "orientation": "Orientation vers un partenaire",
                            "sans_suite": "Sans suite", "absent": "Absent·e"}


class ReunionInformation(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    """Réunion d'information collective (CP1: informer un groupe)."""

    __tablename__ = "reunion_information"
    __table_args__ = (Index("ix_reunion_information_structure_date", "structure_id", "date_reunion"),)

    date_reunion: Mapped[date] = mapped_column(Date)
    lieu: Mapped[str] = mapped_column(String(200))
    animateurs: Mapped[str] = mapped_column(String(300), default="")
    contenus: Mapped[list] = mapped_column(JSON, default=list)  # codes of CONTENUS_REUNION
    contenus_precisions: Mapped[str] = mapped_column(Text, default="")
    organisateur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    participants: Mapped[list[ParticipantReunion]] = relationship(
        back_populates="reunion", cascade="all, delete-orphan", order_by="ParticipantReunion.id")


class ParticipantReunion(StructureScoped, Base):
    __tablename__ = "participant_reunion"
    __table_args__ = (UniqueConstraint("reunion_id", "personne_id", name="uq_participant_reunion_personne"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    reunion_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("reunion_information.id"), index=True)
    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    resultat: Mapped[ResultatReunion] = mapped_column(colonne_enum(ResultatReunion), default=ResultatReunion.PRESENT)
    commentaire_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commentaire = TexteConfidentiel()

    reunion: Mapped[ReunionInformation] = relationship(back_populates="participants")
    personne: Mapped[Personne] = relationship()
