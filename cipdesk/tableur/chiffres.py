"""tableur : ses colonnes de texte chiffrées (`Module.chiffres` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres

CHIFFRES = (
    ChampsChiffres("ImportTableur", "import_tableur", ("donnees",),
                   "import d'un tableur (issue #19) : les lignes du fichier déposé, l'essai à blanc, le rapport et "
                   "la trace de l'annulation nomment des personnes", json=("donnees",)),
)

CLAIRS: dict[str, str] = {}
