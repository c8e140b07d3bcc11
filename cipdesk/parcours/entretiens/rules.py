"""Pure rules of the entretiens de suivi (REAC CP6). No session, no Flask."""
from __future__ import annotations

from datetime import date

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle


# -- entretiens --------------------------------------------------------------------
class ModeEntretien(EnumLibelle):
    PRESENTIEL = "presentiel"
    TELEPHONE = "telephone"
    VISIO = "visio"
    DOMICILE = "domicile"


ModeEntretien.LIBELLES = {"presentiel": "En présentiel", "telephone": "Par téléphone",
                           "visio": "En visioconférence", "domicile": "Visite à domicile"}


class TypeEntretien(EnumLibelle):
    CONTRACTUALISATION = "contractualisation"
    SUIVI = "suivi"
    PROJET = "projet"
    BILAN = "bilan"
    MEDIATION = "mediation"


TypeEntretien.LIBELLES = {"contractualisation": "Contractualisation", "suivi": "Suivi",
                           "projet": "Projet professionnel", "bilan": "Bilan",
                           "mediation": "Médiation"}


def verifier_entretien(le: date, duree_minutes: int | None, prochain_rdv: date | None,
                       aujourd_hui: date) -> None:
    if le > aujourd_hui:
        raise ErreurMetier("Un entretien se saisit une fois tenu : la date ne peut pas être future.", "le")
    if duree_minutes is not None and not 5 <= duree_minutes <= 480:
        raise ErreurMetier("La durée doit être comprise entre 5 et 480 minutes.", "duree_minutes")
    if prochain_rdv is not None and prochain_rdv <= le:
        raise ErreurMetier("Le prochain rendez-vous doit être après l'entretien.", "prochain_rdv_le")


# The fields a correction may change; the previous values are kept whole (EntretienVersion).
CHAMPS_CORRIGEABLES = ("le", "duree_minutes", "mode", "type_entretien", "objectif", "synthese", "progres",
                       "decisions", "prochaines_actions", "prochain_rdv_le")
