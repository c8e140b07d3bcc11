"""employeurs : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("Interaction", "interaction_entreprise",
                   ("compte_rendu",),
                   "un échange avec un employeur peut parler d'une personne"),
    ChampsChiffres("TransitionCandidature", "transition_candidature",
                   ("commentaire",),
                   "ce qui est dit d'une candidature"),
    ChampsChiffres("Immersion", "immersion",
                   ("bilan", "appreciation_tuteur"),
                   "le bilan d'une personne en immersion",
                   raisons={"appreciation_tuteur": "l'appréciation d'une personne par son tuteur"}),
)

CLAIRS = {
    **en_clair("entreprise ou contact professionnel du territoire (recherche instantanée, exports), pas "
               "une personne accompagnée",
               entreprise=("raison_sociale", "enseigne", "nom_recherche", "secteur", "adresse", "commune",
                           "commune_recherche", "email", "site", "observations"),
               contact_entreprise=("prenom", "nom", "fonction", "email", "disponibilites"),
               interaction_entreprise=("objet", "prochaine_action")),
    **en_clair("fiche de poste ou offre d'emploi, destinée à être diffusée ; ne décrit pas une personne "
               "accompagnée",
               fiche_de_poste=("besoin", "intitule", "missions", "activites", "competences", "conditions",
                               "horaires", "remuneration", "lieu"),
               offre_emploi=("intitule", "texte"),
               justification_offre=("cle", "extrait", "justification")),
    **en_clair("action de prospection : un projet auprès des employeurs, pas une personne accompagnée",
               action_prospection=("titre", "objectifs", "diagnostic_territoire", "sources_diagnostic",
                                   "cible_employeurs", "strategie", "outils", "pratiques_durables",
                                   "evaluation", "causes_ecarts")),
    **en_clair("convention d'immersion : cadre réglementaire (horaires, lieu, tâches du poste), pas la "
               "situation de la personne",
               immersion=("prescripteur", "horaires", "lieu", "taches", "modalites_evaluation")),
    **en_clair("mesure ou contrat mobilisable (veille de la structure) : information publique, pas une "
               "personne",
               mesure_structure=("code", "libelle", "eligibilite", "source")),
    **en_clair("code et nom d'une mesure de la liste : le lien à la personne passe par la candidature, "
               "protégée comme elle",
               mesure_mobilisee=("code", "libelle")),
}
