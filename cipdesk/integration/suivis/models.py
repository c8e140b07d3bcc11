"""An intégration follow-up (REAC CP14): the job the person holds (from a hire or
declared by hand) and the framework agreed with the employer."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.integration.suivis.rules import Origine, StatutSuivi, TypeContrat
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel


class SuiviIntegration(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "suivi_integration"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    entreprise_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("entreprise.id"), index=True)
    employeur: Mapped[str] = mapped_column(String(200))          # name as written when not in the employer base
    lieu_travail: Mapped[str] = mapped_column(String(300), default="")
    origine: Mapped[Origine] = mapped_column(colonne_enum(Origine), default=Origine.MAIN)
    intitule_poste: Mapped[str] = mapped_column(String(200))
    rome_code: Mapped[str] = mapped_column(String(5), default="")
    type_contrat: Mapped[TypeContrat] = mapped_column(colonne_enum(TypeContrat))
    debut: Mapped[date] = mapped_column(Date)
    fin_periode_essai: Mapped[date | None] = mapped_column(Date)
    heures_hebdo: Mapped[int | None] = mapped_column(Integer)
    statut: Mapped[StatutSuivi] = mapped_column(colonne_enum(StatutSuivi), default=StatutSuivi.EN_COURS)
    # The framework agreed with the employer (what is said there concerns the person: encrypted).
    cadre_le: Mapped[date | None] = mapped_column(Date)
    interlocuteurs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    interlocuteurs = TexteConfidentiel()
    engagements_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    engagements = TexteConfidentiel()
    modalites_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    modalites = TexteConfidentiel()
    acteurs_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    acteurs = TexteConfidentiel()
    # The information on non-discrimination given to the employer and the person (REAC CP15).
    non_discrimination_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    non_discrimination = TexteConfidentiel()
    # The bilan (what was planned, what happened, the situation at the end, what helped).
    bilan_le: Mapped[date | None] = mapped_column(Date)
    bilan_prevu_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    bilan_prevu = TexteConfidentiel()
    bilan_realise_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    bilan_realise = TexteConfidentiel()
    situation_fin_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    situation_fin = TexteConfidentiel()
    leviers_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    leviers = TexteConfidentiel()
    categorie_sortie: Mapped[str | None] = mapped_column(String(30))   # confirmed by the conseiller

    personne: Mapped[Personne] = relationship()
    entreprise: Mapped[Entreprise | None] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
    points: Mapped[list["PointSuivi"]] = relationship(  # noqa: F821
        back_populates="suivi", order_by="PointSuivi.prevu_le", cascade="all, delete-orphan")
    mediations: Mapped[list["Mediation"]] = relationship(  # noqa: F821
        back_populates="suivi", order_by="Mediation.le")


from cipdesk.integration.mediations.models import Mediation  # noqa: E402,F401  (mapper registry)
from cipdesk.integration.points.models import PointSuivi  # noqa: E402,F401  (mapper registry)
