"""competences : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import en_clair

CHIFFRES = ()

CLAIRS = {
    **en_clair("auto-évaluation du professionnel candidat au titre sur sa propre compétence, pas sur une "
               "personne accompagnée",
               auto_evaluation=("commentaire",)),
    **en_clair("pourquoi une activité prouve une compétence du professionnel ; ne décrit pas la personne",
               preuve_competence=("motif",)),
    **en_clair("pourquoi une preuve a été retirée, même raison",
               preuve_competence=("motif_retrait",)),
}
