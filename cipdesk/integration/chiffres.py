"""integration : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("SuiviIntegration", "suivi_integration",
                   ("interlocuteurs", "engagements", "modalites", "acteurs", "bilan_prevu",
                    "bilan_realise", "situation_fin", "leviers", "non_discrimination"),
                   "bilan de l'intégration d'une personne",
                   raisons={"interlocuteurs": "cadre convenu avec l'employeur : noms et rôles des "
                                              "interlocuteurs (données personnelles)",
                            "engagements": "cadre convenu avec l'employeur au sujet d'une personne",
                            "modalites": "cadre convenu avec l'employeur au sujet d'une personne",
                            "acteurs": "acteurs à mobiliser pour une personne (santé, aides)",
                            "non_discrimination": "information sur la non-discrimination donnée au sujet "
                                                  "de l'emploi d'une personne"}),
    ChampsChiffres("Mediation", "mediation_integration",
                   ("participants", "enjeu", "actions", "issue"),
                   "médiation entre une personne et son employeur"),
    ChampsChiffres("PointSuivi", "point_suivi_integration",
                   ("avis_personne", "avis_employeur", "difficultes"),
                   "les mots de la personne sur son emploi",
                   raisons={"avis_employeur": "ce que l'employeur dit d'une personne",
                            "difficultes": "les difficultés d'une personne dans son emploi"}),
)

CLAIRS = {
    **en_clair("emploi occupé (employeur, lieu, poste, code ROME) et code de la catégorie de sortie : "
               "listes, agenda et indicateurs ; ce qui est dit de la personne est chiffré",
               suivi_integration=("employeur", "lieu_travail", "intitule_poste", "rome_code",
                                  "categorie_sortie")),
}
