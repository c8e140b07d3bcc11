"""Editable lists of the parcours module, per structure.

Defaults live here in code; a structure overrides them in
`Structure.parametres["listes_parcours"][<liste>] = {"ajouts": [[code, libelle], …],
"retires": [code, …]}` (edited by its admin, see `listes.services.modifier_liste`).
Rows store the code AND a copy of the label, so a retired value stays readable
on old records while it is no longer offered in forms (STYLE.md « Enums »).
"""
from __future__ import annotations

CLE_PARAMETRES = "listes_parcours"

DEFAUTS: dict[str, tuple[tuple[str, str], ...]] = {
    # DOMAIN.md « Dispositifs and contracts of accompaniment »
    "dispositif": (
        ("contrat_engagement", "Contrat d'engagement (France Travail / RSA)"),
        ("cer", "Contrat d'engagement réciproque (CER, RSA)"),
        ("cej", "Contrat d'engagement jeune (CEJ)"),
        ("pacea", "PACEA"),
        ("plie", "PLIE"),
        ("iae", "Insertion par l'activité économique (IAE)"),
        ("accompagnement_global", "Accompagnement global"),
        ("cep", "Conseil en évolution professionnelle (CEP)"),
        ("autre", "Autre dispositif"),
    ),
    "type_etape": (
        ("levee_frein", "Levée d'un frein"),
        ("formation", "Formation"),
        ("immersion", "Immersion / PMSMP"),
        ("emploi", "Emploi"),
        ("demarche_administrative", "Démarche administrative"),
        ("atelier", "Atelier"),
        ("orientation_partenaire", "Orientation vers un partenaire"),
        ("autre", "Autre"),
    ),
    # DOMAIN.md « Projet professionnel »: ADVP by default.
    "phase_projet": (
        ("exploration", "Exploration"),
        ("cristallisation", "Cristallisation"),
        ("specification", "Spécification"),
        ("realisation", "Réalisation"),
    ),
    "financement": (
        ("cpf", "CPF"),
        ("region", "Région"),
        ("france_travail", "France Travail"),
        ("opco", "OPCO"),
        ("employeur", "Employeur"),
        ("agefiph", "Agefiph"),
        ("personnel", "Financement personnel"),
        ("aucun", "Sans financement"),
    ),
}

TITRES = {
    "dispositif": "Dispositifs",
    "type_etape": "Types d'étape",
    "phase_projet": "Phases de la méthodologie de projet",
    "financement": "Financements",
}


def _surcharge(parametres: dict | None, liste: str) -> dict:
    return ((parametres or {}).get(CLE_PARAMETRES) or {}).get(liste) or {}


def toutes(parametres: dict | None, liste: str) -> list[tuple[str, str, bool]]:
    """Every value of the list for the structure: (code, libelle, actif)."""
    surcharge = _surcharge(parametres, liste)
    retires = set(surcharge.get("retires") or [])
    valeurs = [(c, l) for c, l in DEFAUTS[liste]]
    connus = {c for c, _l in valeurs}
    valeurs += [(c, l) for c, l in (surcharge.get("ajouts") or []) if c not in connus]
    return [(c, l, c not in retires) for c, l in valeurs]


def actives(parametres: dict | None, liste: str) -> list[tuple[str, str]]:
    """The values offered in forms."""
    return [(c, l) for c, l, actif in toutes(parametres, liste) if actif]


def libelle(parametres: dict | None, liste: str, code: str) -> str | None:
    """Label of any value, retired or not (None if unknown)."""
    for c, l, _actif in toutes(parametres, liste):
        if c == code:
            return l
    return None


def est_active(parametres: dict | None, liste: str, code: str) -> bool:
    return any(c == code for c, _l in actives(parametres, liste))
