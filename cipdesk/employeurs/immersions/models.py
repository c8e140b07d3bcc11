"""An immersion (PMSMP): the convention with the content the regulation requires,
its status up to signature, and its bilan with the tutor's assessment."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import colonne_enum
from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise
from cipdesk.employeurs.immersions.rules import ObjectifPmsmp, StatutImmersion
from cipdesk.personnes.models import Personne
from cipdesk.security.chiffrement import TexteConfidentiel


class Immersion(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "immersion"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    entreprise_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("entreprise.id"), index=True)
    tuteur_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("contact_entreprise.id"))
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))  # accompanies
    prescripteur: Mapped[str] = mapped_column(String(200))   # France Travail, Mission locale, Cap emploi…
    objectif: Mapped[ObjectifPmsmp] = mapped_column(colonne_enum(ObjectifPmsmp))
    debut: Mapped[date] = mapped_column(Date)
    fin: Mapped[date] = mapped_column(Date)
    horaires: Mapped[str] = mapped_column(String(300))       # daily hours, e.g. « lun.–ven. 8 h–12 h, 13 h–16 h »
    lieu: Mapped[str] = mapped_column(String(300))
    taches: Mapped[str] = mapped_column(Text)
    modalites_evaluation: Mapped[str] = mapped_column(Text)
    renouvelle_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("immersion.id"))
    statut: Mapped[StatutImmersion] = mapped_column(colonne_enum(StatutImmersion), default=StatutImmersion.BROUILLON)
    signee_le: Mapped[date | None] = mapped_column(Date)
    bilan_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    bilan = TexteConfidentiel()
    appreciation_tuteur_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    appreciation_tuteur = TexteConfidentiel()
    objectif_atteint: Mapped[bool | None] = mapped_column()
    embauche_envisagee: Mapped[bool | None] = mapped_column()
    bilan_le: Mapped[date | None] = mapped_column(Date)

    personne: Mapped[Personne] = relationship()
    entreprise: Mapped[Entreprise] = relationship()
    tuteur: Mapped[ContactEntreprise] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
