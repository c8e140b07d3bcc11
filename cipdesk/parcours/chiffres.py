"""parcours : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("Parcours", "parcours",
                   ("objectifs", "engagements_personne", "engagements_structure", "bilan"),
                   "termes du contrat : objectifs, engagements, bilan"),
    ChampsChiffres("VersionContrat", "version_contrat",
                   ("motif", "termes"),
                   "copie des termes du contrat (JSON chiffré) et motif de l'avenant",
                   json=("termes",)),
    ChampsChiffres("Etape", "etape",
                   ("intitule", "partenaire", "frein_libelle", "objectif"),
                   "intitulé, partenaire, frein copié du diagnostic, objectif : disent la situation"),
    ChampsChiffres("EtapeEvenement", "etape_evenement",
                   ("motif", "changements"),
                   "motif d'un réajustement et valeurs avant/après (JSON chiffré)",
                   json=("changements",)),
    ChampsChiffres("Entretien", "entretien",
                   ("objectif", "synthese", "progres", "decisions", "prochaines_actions"),
                   "objectif, synthèse, progrès, décisions, prochaines actions"),
    ChampsChiffres("EntretienVersion", "entretien_version",
                   ("objectif", "synthese", "progres", "decisions", "prochaines_actions"),
                   "version précédente d'un entretien corrigé : objectif, synthèse, progrès, décisions, "
                   "prochaines actions"),
    ChampsChiffres("Projet", "projet",
                   ("interets", "valeurs", "motivations", "competences_transferables", "qualites",
                    "talents", "projet_valide"),
                   "bilan avec la personne : intérêts, valeurs, motivations, qualités, projet validé"),
    ChampsChiffres("MetierExplore", "metier_explore",
                   ("analyse_faisabilite",),
                   "analyse de faisabilité (santé, mobilité, contraintes de la personne)"),
    ChampsChiffres("Confrontation", "confrontation",
                   ("resultat",),
                   "résultat d'une immersion ou d'une enquête"),
    ChampsChiffres("ActionPlan", "action_plan",
                   ("resultat",),
                   "résultat d'une formation ou d'une candidature"),
    ChampsChiffres("Sortie", "sortie",
                   ("precision", "relais_vers", "relais_contenu"),
                   "précision sur la sortie, à qui et ce qui est transmis au relais"),
    ChampsChiffres("SuiviSortie", "suivi_sortie",
                   ("commentaire",),
                   "commentaire du suivi à 3 et 6 mois"),
)

CLAIRS = {
    **en_clair("copie d'un libellé de liste de la structure (référentiel), rien de la situation de la "
               "personne",
               parcours=("dispositif_libelle",),
               etape=("type_libelle",),
               projet=("phase_libelle",),
               action_plan=("financement_libelle",)),
    **en_clair("intitulé d'un métier (ROME) : un métier, pas la situation de la personne",
               metier_explore=("libelle",)),
    **en_clair("nom d'une entreprise (relation employeurs), donnée d'un professionnel ou d'une "
               "organisation, pas d'une personne accompagnée",
               confrontation=("employeur",)),
    **en_clair("intitulé d'une formation ou d'une candidature (un métier, un diplôme)",
               action_plan=("intitule",)),
    **en_clair("organisme de formation ou employeur, donnée d'un professionnel ou d'une organisation, pas "
               "d'une personne accompagnée",
               action_plan=("organisme",)),
    **en_clair("modalité d'une formation (présentiel, alternance…)",
               action_plan=("modalite",)),
    **en_clair("référence ou intitulé d'une offre d'emploi publiée",
               action_plan=("offre",)),
}
