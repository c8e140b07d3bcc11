"""accueil : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("Accueil", "accueil",
                   ("demande_exprimee", "commande_prescripteur", "informations_precisions", "suite_motif"),
                   "la demande dans les mots de la personne, la commande du prescripteur, les suites : "
                   "récit de sa situation"),
    ChampsChiffres("Urgence", "urgence",
                   ("contact", "action"),
                   "qui a été appelé (115, SIAO…) et ce qui a été fait : révèle violences, santé, "
                   "hébergement"),
    ChampsChiffres("Diagnostic", "diagnostic",
                   ("hypotheses", "paroles_personne", "validation_precisions"),
                   "hypothèses, paroles de la personne, précisions sur sa validation"),
    ChampsChiffres("DiagnosticDimension", "diagnostic_dimension",
                   ("situation", "atouts", "freins", "besoins"),
                   "situation, atouts, freins, besoins par dimension (santé, famille, logement, "
                   "ressources…)"),
    ChampsChiffres("Synthese", "synthese",
                   ("objet", "faits", "paroles_personne", "analyse", "suites"),
                   "synthèse d'entretien : objet, faits, paroles, analyse du conseiller, suites"),
    ChampsChiffres("Orientation", "orientation",
                   ("motif", "informations_transmises", "consentement_mode", "reponse_commentaire"),
                   "motif, informations transmises (secret partagé), mode de consentement, réponse du "
                   "partenaire"),
    ChampsChiffres("ParticipantReunion", "participant_reunion",
                   ("commentaire",),
                   "commentaire sur une personne présente ou absente"),
)

CLAIRS = {
    **en_clair("code (hébergement, violences…) : alertes, tri et comptage ; le détail (qui a été appelé, "
               "ce qui a été fait) est chiffré",
               urgence=("type_urgence",)),
    **en_clair("copie d'un libellé de liste de la structure (référentiel), rien de la situation de la "
               "personne",
               diagnostic_dimension=("dimension_libelle",)),
    **en_clair("réunion collective : lieu public, rien d'une personne",
               reunion_information=("lieu",)),
    **en_clair("réunion collective : noms des animateurs, donnée d'un professionnel ou d'une organisation, "
               "pas d'une personne accompagnée",
               reunion_information=("animateurs",)),
    **en_clair("réunion collective : contenus présentés au groupe, rien d'une personne",
               reunion_information=("contenus_precisions",)),
}
