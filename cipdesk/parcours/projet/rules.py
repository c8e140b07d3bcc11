"""Pure rules of the projet professionnel (REAC CP7) and of its réalisation (CP8)."""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle
from cipdesk.core.listes import ListeModifiable


class Faisabilite(EnumLibelle):
    A_EVALUER = "a_evaluer"
    REALISTE = "realiste"
    SOUS_CONDITIONS = "sous_conditions"
    NON_RETENUE = "non_retenue"


Faisabilite.LIBELLES = {"a_evaluer": "À évaluer", "realiste": "Réaliste",
                         "sous_conditions": "Réaliste sous conditions", "non_retenue": "Non retenue"}


class TypeConfrontation(EnumLibelle):
    """REAC CP7: « La confrontation du projet avec les réalités professionnelles
    est planifiée et accompagnée »."""
    ENQUETE_METIER = "enquete_metier"
    IMMERSION = "immersion"
    VISITE_ENTREPRISE = "visite_entreprise"
    JOB_DATING = "job_dating"


TypeConfrontation.LIBELLES = {"enquete_metier": "Enquête métier", "immersion": "Immersion (PMSMP)",
                               "visite_entreprise": "Visite d'entreprise", "job_dating": "Job dating"}


class NatureAction(EnumLibelle):
    FORMATION = "formation"
    CANDIDATURE = "candidature"
    OUTIL = "outil"


NatureAction.LIBELLES = {"formation": "Formation", "candidature": "Candidature",
                          "outil": "Outil de recherche d'emploi (CV, lettre…)"}


class StatutAction(EnumLibelle):
    PREVUE = "prevue"
    EN_COURS = "en_cours"
    REALISEE = "realisee"
    ABANDONNEE = "abandonnee"


StatutAction.LIBELLES = {"prevue": "Prévue", "en_cours": "En cours", "realisee": "Réalisée",
                          "abandonnee": "Abandonnée"}


class StatutDossierFormation(EnumLibelle):
    A_CONSTITUER = "a_constituer"
    DEPOSE = "depose"
    ACCEPTE = "accepte"
    REFUSE = "refuse"


StatutDossierFormation.LIBELLES = {"a_constituer": "À constituer", "depose": "Déposé",
                                    "accepte": "Accepté", "refuse": "Refusé"}

ROME_CSV = Path(__file__).with_name("rome.csv")


@cache
def metiers_rome() -> dict[str, str]:
    """The small ROME 4.0 extract shipped with the app: {code: libellé}."""
    with ROME_CSV.open(encoding="utf-8") as f:
        lignes = [l for l in f if l.strip() and not l.startswith("#")]
    return {ligne["code"]: ligne["libelle"] for ligne in csv.DictReader(lignes)}


def verifier_metier(rome_code: str, libelle_libre: str) -> tuple[str, str]:
    """A métier is a ROME code of the reference list, or free text."""
    rome_code = (rome_code or "").strip().upper()
    libelle_libre = (libelle_libre or "").strip()
    if rome_code:
        libelle = metiers_rome().get(rome_code)
        if libelle is None:
            raise ErreurMetier("Code ROME inconnu de la liste de référence.", "rome_code")
        return rome_code, libelle
    if not libelle_libre:
        raise ErreurMetier("Choisissez un métier dans la liste ROME ou décrivez-le.", "libelle")
    return "", libelle_libre


def verifier_validation(metiers: list, projet: str) -> None:
    """A validated project names its métier, and comes after a piste judged realistic
    (REAC CP7: the confrontation with reality is planned and accompanied)."""
    if not (projet or "").strip():
        raise ErreurMetier("Décrivez le projet validé avec la personne.", "projet_valide")
    if not any(m.faisabilite in (Faisabilite.REALISTE, Faisabilite.SOUS_CONDITIONS) for m in metiers):
        raise ErreurMetier("Validez d'abord la faisabilité d'au moins une piste explorée.", "projet_valide")


# -- the structure's editable lists (core/listes.py) -----------------------------------
# DOMAIN.md « Projet professionnel »: ADVP by default.
PHASES_PROJET = ListeModifiable("phase_projet", "Phases de la méthodologie de projet", (
    ("exploration", "Exploration"),
    ("cristallisation", "Cristallisation"),
    ("specification", "Spécification"),
    ("realisation", "Réalisation"),
), "Le projet professionnel ; la première phase est celle d'un projet qui démarre.")
FINANCEMENTS = ListeModifiable("financement", "Financements", (
    ("cpf", "CPF"),
    ("region", "Région"),
    ("france_travail", "France Travail"),
    ("opco", "OPCO"),
    ("employeur", "Employeur"),
    ("agefiph", "Agefiph"),
    ("personnel", "Financement personnel"),
    ("aucun", "Sans financement"),
), "Les formations du plan d'action.")
