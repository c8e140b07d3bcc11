"""The list of free-text fields stored only encrypted (issue #10, point 6).

Pure data, no import: read by `scripts/chiffrer_champs.py` (which rewrites the
model declarations wherever the classes live), by the scan test and by the
documentation. Model class → (table, fields). A field in JSON_CHAMPS holds a
dict (stored as encrypted JSON). What stays in clear, and why: SECURITY.md,
« Colonnes chiffrées ». `note_confidentielle.contenu` is encrypted since 0001.
"""
from __future__ import annotations

CHAMPS: dict[str, tuple[str, tuple[str, ...]]] = {
    # accueil
    "Personne": ("personne", ("commande_prescripteur",)),
    "Accueil": ("accueil", ("demande_exprimee", "commande_prescripteur", "informations_precisions",
                            "suite_motif")),
    "Urgence": ("urgence", ("contact", "action")),
    "Diagnostic": ("diagnostic", ("hypotheses", "paroles_personne", "validation_precisions")),
    "DiagnosticDimension": ("diagnostic_dimension", ("situation", "atouts", "freins", "besoins")),
    "Synthese": ("synthese", ("objet", "faits", "paroles_personne", "analyse", "suites")),
    "Orientation": ("orientation", ("motif", "informations_transmises", "reponse_commentaire")),
    "ParticipantReunion": ("participant_reunion", ("commentaire",)),
    # parcours
    "Parcours": ("parcours", ("objectifs", "engagements_personne", "engagements_structure", "bilan")),
    "VersionContrat": ("version_contrat", ("motif", "termes")),
    "Etape": ("etape", ("intitule", "objectif")),
    "EtapeEvenement": ("etape_evenement", ("motif", "changements")),
    "Entretien": ("entretien", ("objectif", "synthese", "progres", "decisions", "prochaines_actions")),
    "Projet": ("projet", ("interets", "valeurs", "motivations", "competences_transferables", "qualites",
                          "talents", "projet_valide")),
    "MetierExplore": ("metier_explore", ("analyse_faisabilite",)),
    "Confrontation": ("confrontation", ("resultat",)),
    "ActionPlan": ("action_plan", ("resultat",)),
    "Sortie": ("sortie", ("precision", "relais_contenu")),
    "SuiviSortie": ("suivi_sortie", ("commentaire",)),
}

# Fields holding a dict (JSON before encryption).
JSON_CHAMPS: set[tuple[str, str]] = {("VersionContrat", "termes"), ("EtapeEvenement", "changements")}


def colonnes_par_table() -> dict[str, tuple[str, ...]]:
    """table → encrypted fields (each stored as `<champ>_chiffre`)."""
    return {table: champs for table, champs in CHAMPS.values()}
