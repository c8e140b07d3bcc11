"""The sections of the home page, organised like the job (REAC activités types)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    code: str
    titre: str
    resume: str
    competences: tuple[str, ...]
    endpoint: str | None = None  # None: not built yet, the placeholder page says so
    roles: tuple[str, ...] = ("conseiller", "chef_de_service", "admin")


SECTIONS = (
    Section("accueil", "Accueil & diagnostic",
            "Accueillir, repérer les urgences, poser avec la personne un diagnostic partagé, "
            "orienter vers les partenaires.", ("CP1", "CP2", "CP4", "CP5"),
            endpoint="accueil.file_active", roles=("conseiller", "chef_de_service")),
    Section("parcours", "Parcours",
            "Contractualiser le parcours, suivre les étapes et les entretiens, accompagner le "
            "projet professionnel jusqu'à la sortie.", ("CP6", "CP7", "CP8"),
            endpoint="parcours.index", roles=("conseiller", "chef_de_service")),
    Section("ateliers", "Ateliers",
            "Concevoir des ateliers thématiques, leur progression pédagogique, les animer et "
            "en faire le bilan.", ("CP9", "CP10")),
    Section("employeurs", "Employeurs",
            "Prospecter les employeurs du territoire, analyser leurs besoins, appuyer leurs "
            "recrutements.", ("CP12", "CP13", "CP15")),
    Section("integration", "Intégration",
            "Suivre l'intégration et le maintien dans l'emploi avec l'employeur et le salarié.",
            ("CP14",)),
    Section("competences", "Mes compétences",
            "Voir sa pratique quotidienne en regard du REAC et préparer le dossier du titre CIP.",
            ("CP11",), endpoint="competences.couverture", roles=("conseiller",)),
    Section("tableau_de_bord", "Tableau de bord",
            "Indicateurs de l'équipe, alertes, charge de travail et bilans pour les financeurs.",
            (), roles=("chef_de_service", "admin")),
)

SECTIONS_PAR_CODE = {s.code: s for s in SECTIONS}
