"""Pure rules of the immersions (PMSMP, période de mise en situation en milieu
professionnel: Code du travail art. L5135-1 et suivants, D5135-1 et suivants —
durations to check on Légifrance with each change of the regulation)."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.core.libelles import EnumLibelle


class ObjectifPmsmp(EnumLibelle):
    """The three objectives the law allows (art. L5135-1), one per convention."""
    DECOUVRIR = "decouvrir"
    CONFIRMER = "confirmer"
    RECRUTEMENT = "recrutement"


ObjectifPmsmp.LIBELLES = {"decouvrir": "Découvrir un métier ou un secteur d'activité",
                          "confirmer": "Confirmer un projet professionnel",
                          "recrutement": "Initier une démarche de recrutement"}


class StatutImmersion(EnumLibelle):
    BROUILLON = "brouillon"
    A_SIGNER = "a_signer"
    SIGNEE = "signee"
    REALISEE = "realisee"
    ANNULEE = "annulee"


StatutImmersion.LIBELLES = {"brouillon": "Brouillon", "a_signer": "À signer", "signee": "Signée",
                            "realisee": "Réalisée (bilan fait)", "annulee": "Annulée"}

S = StatutImmersion
TRANSITIONS = {S.BROUILLON: (S.A_SIGNER, S.ANNULEE), S.A_SIGNER: (S.SIGNEE, S.BROUILLON, S.ANNULEE),
               S.SIGNEE: (S.ANNULEE,), S.REALISEE: (), S.ANNULEE: ()}

DUREE_MAX_MOIS = 1          # one convention: one month at most, continuous or not
RENOUVELLEMENTS_MAX = 1     # renewable once, for the same objective not yet reached
SOURCE_DUREE = "Code du travail, art. D5135-3 (à vérifier sur Légifrance)"


def plus_un_mois(debut: date) -> date:
    """The last day of a one-month period starting on `debut` (3 mars → 2 avril;
    31 janvier → 28 février)."""
    annee, mois = (debut.year + 1, 1) if debut.month == 12 else (debut.year, debut.month + 1)
    try:
        return date(annee, mois, debut.day) - timedelta(days=1)
    except ValueError:  # no such day in the next month: its last day
        suivant = date(annee + 1, 1, 1) if mois == 12 else date(annee, mois + 1, 1)
        return suivant - timedelta(days=1)


def verifier_convention(debut: date | None, fin: date | None, renouvellements_precedents: int) -> dict[str, str]:
    """{field: message} for dates and renewals outside the regulation."""
    erreurs: dict[str, str] = {}
    if debut and fin:
        if fin < debut:
            erreurs["fin"] = "La fin de l'immersion ne peut pas précéder son début."
        elif fin > plus_un_mois(debut):
            erreurs["fin"] = (f"Une immersion (PMSMP) dure un mois au plus : au plus tard le "
                              f"{plus_un_mois(debut):%d/%m/%Y} pour un début le {debut:%d/%m/%Y} ({SOURCE_DUREE}).")
    if renouvellements_precedents > RENOUVELLEMENTS_MAX:
        erreurs["renouvelle_id"] = "Une immersion ne se renouvelle qu'une fois."
    return erreurs
