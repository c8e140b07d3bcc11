"""ateliers : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("EvaluationObjectif", "evaluation_objectif",
                   ("commentaire",),
                   "ce qui est écrit sur un·e participant·e"),
    ChampsChiffres("Satisfaction", "satisfaction_atelier",
                   ("commentaire",),
                   "les mots d'un·e participant·e"),
)

CLAIRS = {
    **en_clair("conception pédagogique ou bilan d'un atelier : décrit l'atelier et son groupe, jamais un·e "
               "participant·e",
               atelier=("titre", "commanditaire", "contexte", "changements_recherches",
                        "competences_visees", "caracteristiques_public", "contraintes", "public_prerequis",
                        "rythme", "lieu", "objectif_general", "ressources_budget", "animateurs",
                        "developpement_durable", "prevention_risques"),
               objectif_pedagogique=("capacite", "conditions", "critere", "modalite_evaluation"),
               sequence_atelier=("titre", "contenu", "activites", "ressources", "evaluation",
                                 "scenario_alternatif"),
               session_atelier=("lieu", "co_animateurs"),
               bilan_atelier=("ecarts", "ajustements")),
}
