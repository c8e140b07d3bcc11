"""Pure rules of the interactions with employers (REAC CP12: « Créer et mettre à
jour une base de données des entreprises », « Utiliser des outils de gestion du temps »)."""
from __future__ import annotations

from datetime import date

from cipdesk.core.libelles import EnumLibelle


class NatureInteraction(EnumLibelle):
    APPEL = "appel"
    EMAIL = "email"
    VISITE = "visite"
    EVENEMENT = "evenement"
    JOB_DATING = "job_dating"
    IMMERSION = "immersion"


NatureInteraction.LIBELLES = {"appel": "Appel téléphonique", "email": "Courriel", "visite": "Visite en entreprise",
                              "evenement": "Événement (forum, petit-déjeuner…)", "job_dating": "Job dating",
                              "immersion": "Immersion (PMSMP)"}


def action_en_retard(echeance: date | None, faite_le: date | None, aujourd_hui: date) -> bool:
    """A next action is overdue once its due date has passed and it was not done."""
    return echeance is not None and faite_le is None and echeance < aujourd_hui


def verifier_prochaine_action(prochaine_action: str, echeance: date | None, le: date) -> dict[str, str]:
    """A next action goes with its due date, and the due date is not before the interaction."""
    erreurs = {}
    if (prochaine_action or "").strip() and echeance is None:
        erreurs["echeance"] = "Donnez une échéance à la prochaine action."
    if echeance is not None and not (prochaine_action or "").strip():
        erreurs["prochaine_action"] = "Décrivez la prochaine action de cette échéance."
    if echeance is not None and le is not None and echeance < le:
        erreurs["echeance"] = "L'échéance ne peut pas précéder la date de l'échange."
    return erreurs
