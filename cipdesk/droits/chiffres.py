"""droits : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("Rectification", "rectification", ("anciennes_valeurs",),
                   "anciennes valeurs d'une rectification : l'identité et les coordonnées de la personne (JSON chiffré)",
                   json=("anciennes_valeurs",)),
)

CLAIRS = {
    **en_clair("motif d'un accès exceptionnel (bris de glace) : le besoin du professionnel, montré au référent et "
               "au journal d'audit, sans détail sur la personne", acces_exceptionnel=("motif",)),
}
