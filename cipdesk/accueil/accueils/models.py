"""Accueil individuel and the urgencies spotted at it.

REAC activité type 1: CP1 informer, CP2 analyser la demande, CP4 travailler en
réseau, CP5 écrits professionnels. Enums carry a code and a French label; codes
retired from the forms stay readable on old rows (`libelle` never raises).
"""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, JSON, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.personnes.models import Personne
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel




class ModeAccueil(EnumLibelle):
    SUR_PLACE = "sur_place"
    TELEPHONE = "telephone"
    VISIO = "visio"
    DOMICILE = "domicile"
    PARTENAIRE = "partenaire"


ModeAccueil.LIBELLES = {"sur_place": "Sur place", "telephone": "Par téléphone", "visio": "En visio",
                        "domicile": "À domicile", "partenaire": "Chez un partenaire"}


class Concordance(EnumLibelle):
    """Does the prescripteur's commande match the person's demande?"""

    SANS_COMMANDE = "sans_commande"
    CONCORDANTE = "concordante"
    PARTIELLE = "partielle"
    DIVERGENTE = "divergente"


Concordance.LIBELLES = {"sans_commande": "Pas de commande (démarche spontanée)",
                        "concordante": "La commande rejoint la demande",
                        "partielle": "La commande rejoint en partie la demande",
                        "divergente": "La commande et la demande divergent"}


class SuiteAccueil(EnumLibelle):
    ENTREE_ACCOMPAGNEMENT = "entree_accompagnement"
    ORIENTATION = "orientation"
    SANS_SUITE = "sans_suite"
    A_DEFINIR = "a_definir"


SuiteAccueil.LIBELLES = {"entree_accompagnement": "Entrée en accompagnement",
                         "orientation": "Orientation vers un partenaire",
                         "sans_suite": "Sans suite", "a_definir": "À définir au prochain rendez-vous"}

# CP1: « informer une personne sur les ressources en matière d'insertion et les services dématérialisés ».
INFORMATIONS = {
    "offre_services": "Missions et offre de services de la structure",
    "ressources_territoire": "Ressources du territoire (mesures, dispositifs, partenaires)",
    "services_dematerialises": "Accès aux services dématérialisés",
    "droits": "Droits et démarches (RSA, CAF, assurance maladie…)",
    "rgpd": "Information sur les données personnelles (RGPD) et leur confidentialité",
}


class TypeUrgence(EnumLibelle):
    HEBERGEMENT = "hebergement"
    RESSOURCES = "ressources"
    SANTE = "sante"
    VIOLENCES = "violences"
    DROITS = "droits"


TypeUrgence.LIBELLES = {"hebergement": "Hébergement", "ressources": "Ressources / alimentation",
                        "sante": "Santé", "violences": "Violences", "droits": "Droits coupés"}


class Accueil(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "accueil"
    __table_args__ = (Index("ix_accueil_personne_date", "personne_id", "date_accueil"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    conseiller_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"), index=True)
    date_accueil: Mapped[date] = mapped_column(Date)
    mode: Mapped[ModeAccueil] = mapped_column(colonne_enum(ModeAccueil))
    # In the person's own words.
    demande_exprimee_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    demande_exprimee = TexteConfidentiel()
    commande_prescripteur_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commande_prescripteur = TexteConfidentiel()
    # Optional: nothing is recorded that the conseiller did not choose (NULL = not assessed).
    concordance: Mapped[Concordance | None] = mapped_column(colonne_enum(Concordance), nullable=True)
    # Codes of INFORMATIONS given, plus free text.
    informations: Mapped[list] = mapped_column(JSON, default=list)
    informations_precisions_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    informations_precisions = TexteConfidentiel()
    suite: Mapped[SuiteAccueil] = mapped_column(colonne_enum(SuiteAccueil), default=SuiteAccueil.A_DEFINIR)
    suite_motif_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    suite_motif = TexteConfidentiel()

    personne: Mapped[Personne] = relationship()
    conseiller: Mapped[Utilisateur] = relationship()
    urgences: Mapped[list[Urgence]] = relationship(back_populates="accueil", order_by="Urgence.type_urgence")


class Urgence(UuidPk, StructureScoped, Timestamps, Base):
    """An urgency spotted at an accueil. Open (an alert on the person and the
    caseload) until an immediate action is recorded (`traitee_le`)."""

    __tablename__ = "urgence"
    __table_args__ = (Index("ix_urgence_personne_traitee", "personne_id", "traitee_le"),)

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"))
    accueil_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("accueil.id"), index=True)
    type_urgence: Mapped[TypeUrgence] = mapped_column(colonne_enum(TypeUrgence))
    reperee_le: Mapped[date] = mapped_column(Date)
    # Who was called (115, SIAO, assistante sociale…) and what was done: factual, no diagnosis.
    contact_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    contact = TexteConfidentiel()
    action_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    action = TexteConfidentiel()
    traitee_le: Mapped[date | None] = mapped_column(Date)
    traitee_par_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))

    personne: Mapped[Personne] = relationship()
    accueil: Mapped[Accueil | None] = relationship(back_populates="urgences")

    @property
    def ouverte(self) -> bool:
        return self.traitee_le is None
