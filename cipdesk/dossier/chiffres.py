"""dossier : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("PartieRedigee", "dossier_partie",
                   ("textes",),
                   "dossier de certification : les textes du candidat (introduction, analyse de pratique, "
                   "blocs raccourcis) décrivent les personnes accompagnées",
                   json=("textes",)),
    ChampsChiffres("RelectureDossier", "dossier_relecture",
                   ("commentaire",),
                   "commentaire du relecteur sur une partie du dossier, qui peut en citer le texte"),
)

CLAIRS = {
    **en_clair("code de la production (« titre », « CCP1 »…), rien d'une personne",
               dossier_partie=("production",)),
}
CLAIRS.update(en_clair("nom d'un groupe de VAE collective (« VAE collective COORACE — Hauts-de-France »), rien "
                       "d'une personne", dossier_accompagnement_vae=("groupe",)))
