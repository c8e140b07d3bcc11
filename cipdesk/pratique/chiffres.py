"""pratique : ses colonnes de texte chiffrées, et celles laissées en clair avec leur raison
(`Module.chiffres`, `Module.clairs` ; docs/ARCHITECTURE.md)."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, en_clair

CHIFFRES = (
    ChampsChiffres("AnalysePratique", "analyse_pratique",
                   ("titre", "situation", "faits", "opinions", "emotions", "facteurs", "points_forts",
                    "difficultes", "ajustements", "autrement"),
                   "analyse de pratique (REAC CP11) : privée, lue par son auteur·e (et le tuteur ou le "
                   "groupe d'analyse si elle est partagée), comme une note confidentielle"),
    ChampsChiffres("SeanceAnalyse", "seance_analyse",
                   ("participants_externes",),
                   "noms des participant·es extérieur·es d'une séance d'analyse de pratique"),
    ChampsChiffres("IncidentPublic", "incident_public",
                   ("contexte", "soutien"),
                   "incident avec le public : ce qui s'est passé, lisible par l'auteur·e et son chef de "
                   "service",
                   raisons={"soutien": "incident avec le public : le soutien reçu par le professionnel"}),
    ChampsChiffres("AlerteCharge", "alerte_charge",
                   ("message", "reponse"),
                   "alerte de charge de travail : ce que le conseiller confie à son chef de service",
                   raisons={"reponse": "alerte de charge de travail : la réponse du chef de service"}),
)

CLAIRS = {
    **en_clair("animateur·rice ou superviseur·e d'une séance d'analyse de pratique, donnée d'un "
               "professionnel ou d'une organisation, pas d'une personne accompagnée",
               seance_analyse=("animateur",)),
}
