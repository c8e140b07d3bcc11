"""territoire : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import en_clair

CHIFFRES = ()

CLAIRS = {
    **en_clair("répertoire des partenaires, donnée d'un professionnel ou d'une organisation, pas d'une "
               "personne accompagnée",
               partenaire=("nom", "type_partenaire", "adresse", "contact_nom", "email", "publics",
                           "conditions_acces", "modalites_orientation", "site_web")),
    **en_clair("profil de la structure ou du territoire : faits publics sur une organisation ou un "
               "territoire",
               profil_structure=("statut", "missions", "offre_services", "financeurs", "publics",
                                 "modalites_accueil", "equipe"),
               version_territoire=("territoire", "forces", "faiblesses", "ressources", "motif")),
    **en_clair("fiche de veille : information publique sur un dispositif, une mesure ou un texte, partagée "
               "dans la structure",
               fiche_veille=("titre", "resume", "eligibilite", "source", "url")),
    **en_clair("contact chez un partenaire, donnée d'un professionnel ou d'une organisation, pas d'une "
               "personne accompagnée",
               contact_partenaire=("nom", "role", "email")),
    **en_clair("ce qu'un professionnel de l'équipe connaît (dispositif, partenaire), donnée d'un "
               "professionnel ou d'une organisation, pas d'une personne accompagnée",
               reference_equipe=("sujet", "precision")),
}
