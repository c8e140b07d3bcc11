"""personnes : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("Personne", "personne",
                   ("commande_prescripteur",),
                   "commande du prescripteur : ce qu'on attend de la personne, souvent sa situation"),
)

CLAIRS = {
    **en_clair("identité de la personne : recherche instantanée, doublons, tri de la file active",
               personne=("nom", "prenom", "nom_usage")),
    **en_clair("identité de la personne : recherche instantanée, doublons, tri de la file active (forme "
               "normalisée, indexée)",
               personne=("nom_recherche",)),
    **en_clair("identité de la personne : recherche instantanée, doublons, tri de la file active (clés "
               "phonétiques du nom, pour la recherche)",
               personne=("nom_phonetique",)),
    **en_clair("coordonnée pour joindre la personne ; cherchée pour les doublons",
               personne=("email",)),
    **en_clair("coordonnée pour les courriers ; une adresse, pas un récit",
               personne=("adresse",)),
    **en_clair("comptée (territoire, QPV/ZRR) dans les bilans aux financeurs",
               personne=("commune",)),
    **en_clair("nom de l'organisme prescripteur, compté dans les bilans aux financeurs",
               personne=("prescripteur",)),
    **en_clair("copie d'un libellé de liste de la structure (référentiel), rien de la situation de la "
               "personne ; triée et filtrée dans la file active",
               personne=("dispositif_libelle",)),
    **en_clair("codes de publics, comptés dans les bilans aux financeurs (JSON de codes)",
               personne=("publics",)),
}
