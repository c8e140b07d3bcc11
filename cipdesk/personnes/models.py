"""The person accompanied. Identity and contact, public characteristics used in
reporting (DOMAIN.md « Publics »), prescripteur and commande, référent."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Date, ForeignKey, Index, JSON, LargeBinary, String, Uuid, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk, Versioned
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.core.texte import cles_phonetiques
from cipdesk.security.chiffrement import TexteConfidentiel



class Sexe(EnumLibelle):
    FEMME = "femme"
    HOMME = "homme"
    NON_RENSEIGNE = "non_renseigne"


Sexe.LIBELLES = {"femme": "Femme", "homme": "Homme", "non_renseigne": "Non renseigné"}


class NiveauFormation(EnumLibelle):
    """CITE / ISCED bands used by FSE+ reporting."""

    CITE_0_2 = "cite_0_2"
    CITE_3_4 = "cite_3_4"
    CITE_5_8 = "cite_5_8"
    INCONNU = "inconnu"


NiveauFormation.LIBELLES = { "cite_0_2": "Infra-bac sans diplôme ou CAP/BEP non obtenu (CITE 0 à 2)", "cite_3_4": "CAP, BEP, baccalauréat (CITE 3 et 4)", "cite_5_8": "Supérieur au baccalauréat (CITE 5 à 8)", "inconnu": "Non renseigné", }


class SituationMarcheTravail(EnumLibelle):
    """Labour-market status at entry, as the FSE+ common indicators count it (Reg. (EU)
    2021/1057, annexe I; DOMAIN.md « FSE+-style participant indicators »)."""

    CHOMEUR = "chomeur"
    CHOMEUR_LONGUE_DUREE = "chomeur_longue_duree"
    INACTIF = "inactif"
    EMPLOI = "emploi"
    INCONNU = "inconnu"


SituationMarcheTravail.LIBELLES = {
    "chomeur": "Sans emploi, à la recherche d'un emploi (chômeur·se, moins de 12 mois)",
    "chomeur_longue_duree": "Chômeur·se de longue durée (12 mois ou plus sans emploi)",
    "inactif": "Inactif·ve (ni en emploi, ni à la recherche d'un emploi)",
    "emploi": "En emploi, y compris indépendant·e",
    "inconnu": "Non renseigné",
}


class StatutPersonne(EnumLibelle):
    ACCUEILLIE = "accueillie"      # first contact, no accompaniment decided yet
    ACCOMPAGNEE = "accompagnee"    # in the caseload (file active)
    ORIENTEE = "orientee"          # oriented to a partner, not accompanied here
    SORTIE = "sortie"              # parcours ended
    SANS_SUITE = "sans_suite"


StatutPersonne.LIBELLES = {"accueillie": "Accueillie", "accompagnee": "Accompagnée", "orientee": "Orientée", "sortie": "Sortie", "sans_suite": "Sans suite"}


# Public characteristics at entry (DOMAIN.md « Publics »): code -> label.
PUBLICS = {
    "jeune_moins_26": "Jeune de moins de 26 ans",
    "senior": "Senior (50 ans et plus)",
    "deld": "Demandeur d'emploi de longue durée",
    "rsa": "Bénéficiaire du RSA ou d'un autre minimum social",
    "rqth": "RQTH / situation de handicap",
    "qpv": "Résident d'un quartier prioritaire (QPV)",
    "zrr": "Résident en zone rurale",
    "pays_tiers": "Ressortissant de pays tiers, réfugié ou BPI",
    "justice": "Personne sous main de justice / sortant de détention",
    "sans_abri": "Sans-abri ou exclu du logement",
}


class Personne(UuidPk, StructureScoped, Timestamps, Versioned, Base):
    __tablename__ = "personne"
    __table_args__ = (
        Index("ix_personne_recherche", "structure_id", "nom_recherche"),
        Index("ix_personne_referent_statut", "referent_id", "statut"),
        Index("ix_personne_doublon", "structure_id", "nom_recherche", "date_naissance"),
        Index("ix_personne_structure_contact", "structure_id", "dernier_contact_le"),
        # The perimeter of a team (référents in a list, active statuses, the structure → ids) in one
        # index-only scan, without ANDing the structure's whole bitmap nor reading the table: every
        # alert provider of the chef's home page filters on it (bench/RESULTS.md, 2026-12-01, 0019_bancs).
        Index("ix_personne_referent_statut_structure", "referent_id", "statut", "structure_id", "id"),
    )

    nom: Mapped[str] = mapped_column(String(120))
    prenom: Mapped[str] = mapped_column(String(120))
    nom_usage: Mapped[str] = mapped_column(String(120), default="")
    date_naissance: Mapped[date | None] = mapped_column(Date)
    sexe: Mapped[Sexe] = mapped_column(colonne_enum(Sexe), default=Sexe.NON_RENSEIGNE)
    telephone: Mapped[str] = mapped_column(String(20), default="")  # E.164, validated with phonenumbers
    email: Mapped[str] = mapped_column(String(254), default="")
    adresse: Mapped[str] = mapped_column(String(300), default="")
    code_postal: Mapped[str] = mapped_column(String(5), default="")
    commune: Mapped[str] = mapped_column(String(120), default="")
    niveau_formation: Mapped[NiveauFormation] = mapped_column(colonne_enum(NiveauFormation),
                                                              default=NiveauFormation.INCONNU)
    # FSE+ « situation sur le marché du travail à l'entrée » (issue #17, point 6).
    situation_marche_travail: Mapped[SituationMarcheTravail] = mapped_column(
        colonne_enum(SituationMarcheTravail), default=SituationMarcheTravail.INCONNU,
        server_default=SituationMarcheTravail.INCONNU.value)
    # Codes of PUBLICS that apply at entry.
    publics: Mapped[list] = mapped_column(JSON, default=list)
    prescripteur: Mapped[str] = mapped_column(String(200), default="")
    commande_prescripteur_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    commande_prescripteur = TexteConfidentiel()
    referent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    statut: Mapped[StatutPersonne] = mapped_column(colonne_enum(StatutPersonne), default=StatutPersonne.ACCUEILLIE)
    # Denormalised for the caseload (sorted, filtered, paginated without joins);
    # kept up to date by the services that log contacts and open/close parcours.
    dernier_contact_le: Mapped[date | None] = mapped_column(Date)
    prochain_rdv_le: Mapped[date | None] = mapped_column(Date)
    dispositif_libelle: Mapped[str] = mapped_column(String(120), default="")
    # Lower-case, accent-free "nom prénom nom_usage" for search as you type and duplicates.
    nom_recherche: Mapped[str] = mapped_column(String(400), default="")
    # The phonetic keys of the name's words (core.texte.cle_phonetique), for a search that
    # finds « Dupont » when « Dupond » is typed (issue #11, point 6); kept by the mapper events below.
    nom_phonetique: Mapped[str] = mapped_column(String(400), default="", server_default="")
    # Digits only, for search by phone number.
    telephone_recherche: Mapped[str] = mapped_column(String(20), default="", index=True)

    referent: Mapped[Utilisateur | None] = relationship(foreign_keys=[referent_id])

    @property
    def nom_complet(self) -> str:
        usage = f" ({self.nom_usage})" if self.nom_usage and self.nom_usage != self.nom else ""
        return f"{self.prenom} {self.nom}{usage}"


@event.listens_for(Personne, "before_insert")
@event.listens_for(Personne, "before_update")
def _cles_phonetiques(_mapper, _connexion, personne: Personne) -> None:
    personne.nom_phonetique = cles_phonetiques(personne.nom, personne.prenom, personne.nom_usage)[:400]
