"""Pure rules of the contract (REAC CP6): status, dates, alert thresholds. No session, no Flask."""
from __future__ import annotations

from datetime import date, timedelta

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.libelles import EnumLibelle
from cipdesk.core.listes import ListeModifiable


class StatutParcours(EnumLibelle):
    OUVERT = "ouvert"
    CLOS = "clos"


StatutParcours.LIBELLES = {"ouvert": "En cours", "clos": "Clos"}


# -- dates -------------------------------------------------------------------------
def verifier_dates_contrat(debut: date | None, fin_prevue: date | None) -> None:
    if debut is None:
        raise ErreurMetier("Indiquez la date de début du parcours.", "debut")
    if fin_prevue is not None and fin_prevue <= debut:
        raise ErreurMetier("La fin prévue doit être postérieure au début du parcours.", "fin_prevue")


# -- alerts (pure part) ------------------------------------------------------------
JOURS_SANS_CONTACT_DEFAUT = 30
JOURS_FIN_CONTRAT = 30


def jours_sans_contact(dernier: date | None, aujourd_hui: date) -> int | None:
    return None if dernier is None else (aujourd_hui - dernier).days


def fin_de_contrat_proche(fin_prevue: date | None, aujourd_hui: date,
                          jours: int = JOURS_FIN_CONTRAT) -> bool:
    return fin_prevue is not None and aujourd_hui <= fin_prevue <= aujourd_hui + timedelta(days=jours)


# -- the structure's editable list (core/listes.py) ------------------------------------
# DOMAIN.md « Dispositifs and contracts of accompaniment »
DISPOSITIFS = ListeModifiable("dispositif", "Dispositifs", (
    ("contrat_engagement", "Contrat d'engagement (France Travail / RSA)"),
    ("cer", "Contrat d'engagement réciproque (CER, RSA)"),
    ("cej", "Contrat d'engagement jeune (CEJ)"),
    ("pacea", "PACEA"),
    ("plie", "PLIE"),
    ("iae", "Insertion par l'activité économique (IAE)"),
    ("accompagnement_global", "Accompagnement global"),
    ("cep", "Conseil en évolution professionnelle (CEP)"),
    ("autre", "Autre dispositif"),
), "Le cadre du parcours contractualisé.")
