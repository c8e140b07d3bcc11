"""Pure rules of an intégration follow-up (REAC CP14): the contract types and the
legal maximum of the trial period per type (Code du travail — to check on Légifrance
with each change of the law; a branch agreement may differ, hence a warning the
conseiller may confirm, not a refusal)."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.core.libelles import EnumLibelle


class TypeContrat(EnumLibelle):
    CDI = "cdi"
    CDD_LONG = "cdd_long"
    CDD_COURT = "cdd_court"
    INTERIM = "interim"
    ALTERNANCE = "alternance"
    CONTRAT_AIDE = "contrat_aide"
    IAE = "iae"
    CREATION = "creation"


TypeContrat.LIBELLES = {"cdi": "CDI", "cdd_long": "CDD de 6 mois ou plus", "cdd_court": "CDD de moins de 6 mois",
                        "interim": "Intérim (mission)", "alternance": "Alternance (apprentissage, professionnalisation)",
                        "contrat_aide": "Contrat aidé (PEC…)", "iae": "Contrat d'insertion (IAE, CDDI)",
                        "creation": "Création d'entreprise"}


class StatutSuivi(EnumLibelle):
    EN_COURS = "en_cours"
    TERMINE = "termine"
    ROMPU = "rompu"


StatutSuivi.LIBELLES = {"en_cours": "En cours", "termine": "Terminé (bilan fait)", "rompu": "Rompu"}


class Origine(EnumLibelle):
    MAIN = "main"
    CANDIDATURE = "candidature"
    IMMERSION = "immersion"


Origine.LIBELLES = {"main": "Embauche déclarée ou emploi à maintenir", "candidature": "Candidature",
                    "immersion": "Immersion (PMSMP)"}

T = TypeContrat
# (maximum in days, the rule quoted to the conseiller); None: no trial period.
ESSAI_MAX: dict[TypeContrat, tuple[int, str] | None] = {
    T.CDI: (122, "CDI : 2 mois (ouvriers, employés), 3 mois (agents de maîtrise, techniciens), 4 mois (cadres), "
                 "hors renouvellement (Code du travail, art. L1221-19)"),
    T.CDD_LONG: (31, "CDD de 6 mois ou plus : un mois au plus (art. L1242-10)"),
    T.CDD_COURT: (14, "CDD de moins de 6 mois : un jour par semaine, deux semaines au plus (art. L1242-10)"),
    T.INTERIM: (5, "Intérim : 2 jours (mission d'un mois au plus), 3 jours (deux mois), 5 jours au-delà "
                   "(art. L1251-14)"),
    T.ALTERNANCE: (45, "Apprentissage : 45 jours de formation pratique en entreprise (art. L6222-18)"),
    T.CONTRAT_AIDE: (31, "Contrat aidé en CDD : règles du CDD, un mois au plus (art. L1242-10)"),
    T.IAE: (31, "CDDI : règles du CDD, un mois au plus (art. L1242-10)"),
    T.CREATION: None,
}


def verifier_essai(type_contrat: TypeContrat | None, debut: date | None, fin_essai: date | None) -> dict[str, str]:
    """{field: message}: a trial period that ends before the start (error) or lasts
    longer than the law allows for the contract type (warning with the rule)."""
    if not (type_contrat and debut and fin_essai):
        return {}
    if fin_essai < debut:
        return {"fin_periode_essai": "La fin de la période d'essai ne peut pas précéder le début du contrat."}
    regle = ESSAI_MAX.get(type_contrat)
    if regle is None:
        return {"fin_periode_essai": f"Pas de période d'essai pour : {type_contrat.libelle.lower()}."}
    jours, texte = regle
    if fin_essai > debut + timedelta(days=jours):
        return {"fin_periode_essai": f"Période d'essai plus longue que la loi ne le permet ({texte}). Vérifiez les "
                                     "dates, ou cochez la confirmation si un accord ou un renouvellement le prévoit."}
    return {}
