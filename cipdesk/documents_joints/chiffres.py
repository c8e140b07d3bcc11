"""documents_joints : ses colonnes de texte chiffrées (`Module.chiffres` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres

CHIFFRES = (
    ChampsChiffres("DocumentJoint", "document_joint", ("nom_fichier", "contenu"),
                   "le document lui-même (CV, justificatif, contrat signé), en base64 avant chiffrement",
                   raisons={"nom_fichier": "nom du fichier déposé (souvent le nom de la personne : « CV Martin Léa.pdf »)"}),
)

CLAIRS: dict[str, str] = {}
