"""The candidatures pipeline as an explicit state machine (REAC CP13: « Rapprocher
l'offre et la demande », critère « Les candidats potentiels sont identifiés »)."""
from __future__ import annotations

from datetime import date

from cipdesk.core.libelles import EnumLibelle


class EtatCandidature(EnumLibelle):
    PROPOSEE = "proposee"
    ENVOYEE = "envoyee"
    ENTRETIEN = "entretien"
    RETENUE = "retenue"
    REFUSEE = "refusee"
    ABANDONNEE = "abandonnee"
    EMBAUCHE = "embauche"


EtatCandidature.LIBELLES = {"proposee": "Proposée", "envoyee": "Envoyée à l'employeur",
                            "entretien": "Entretien d'embauche", "retenue": "Retenue",
                            "refusee": "Refusée", "abandonnee": "Abandonnée", "embauche": "Embauche"}

E = EtatCandidature
TRANSITIONS: dict[EtatCandidature, tuple[EtatCandidature, ...]] = {
    E.PROPOSEE: (E.ENVOYEE, E.REFUSEE, E.ABANDONNEE),
    E.ENVOYEE: (E.ENTRETIEN, E.RETENUE, E.REFUSEE, E.ABANDONNEE),
    E.ENTRETIEN: (E.RETENUE, E.REFUSEE, E.ABANDONNEE),
    E.RETENUE: (E.EMBAUCHE, E.REFUSEE, E.ABANDONNEE),
    E.REFUSEE: (),
    E.ABANDONNEE: (),
    E.EMBAUCHE: (),
}
FINALES = frozenset(e for e, suivants in TRANSITIONS.items() if not suivants)
# States where the candidature waits for the employer's answer.
EN_ATTENTE_EMPLOYEUR = frozenset({E.ENVOYEE, E.ENTRETIEN})

MOTIFS_REFUS: dict[str, str] = {
    "poste_pourvu": "Poste déjà pourvu",
    "experience": "Expérience jugée insuffisante",
    "competences": "Compétences techniques insuffisantes",
    "mobilite": "Mobilité ou horaires incompatibles",
    "entretien": "Entretien non concluant",
    "sans_reponse": "Pas de réponse de l'employeur",
    "autre": "Autre motif (précisé en commentaire)",
}

DELAI_RELANCE_DEFAUT = 15  # days without an answer before an alert; the structure may set it
PARAMETRE_DELAI = "employeurs_delai_relance_candidature"


def peut_passer(de: EtatCandidature, vers: EtatCandidature) -> bool:
    return vers in TRANSITIONS[de]


def verifier_transition(de: EtatCandidature, vers: EtatCandidature, motif_refus: str | None,
                        commentaire: str, le: date, derniere: date | None, aujourd_hui: date) -> dict[str, str]:
    """{field: French message} for a transition that may not be recorded."""
    erreurs: dict[str, str] = {}
    if not peut_passer(de, vers):
        permis = ", ".join(e.libelle.lower() for e in TRANSITIONS[de]) or "aucun (état final)"
        erreurs["vers"] = f"Une candidature « {de.libelle.lower()} » ne peut pas passer à « {vers.libelle.lower()} » (possibles : {permis})."
    if vers == E.REFUSEE and motif_refus not in MOTIFS_REFUS:
        erreurs["motif_refus"] = "Choisissez le motif du refus dans la liste."
    if vers == E.REFUSEE and motif_refus == "autre" and not (commentaire or "").strip():
        erreurs["commentaire"] = "Précisez le motif du refus."
    if le > aujourd_hui:
        erreurs["le"] = "La date ne peut pas être dans le futur."
    elif derniere is not None and le < derniere:
        erreurs["le"] = f"La date ne peut pas précéder la dernière étape ({derniere:%d/%m/%Y})."
    return erreurs


def delai_relance(parametres: dict | None) -> int:
    try:
        return max(1, int((parametres or {}).get(PARAMETRE_DELAI, DELAI_RELANCE_DEFAUT)))
    except (TypeError, ValueError):
        return DELAI_RELANCE_DEFAUT


def relance(etat: EtatCandidature, depuis: date, aujourd_hui: date, delai: int) -> str | None:
    """None while the employer may still answer; "relance" after `delai` days without
    an answer (an alert); "obsolete" after twice that (shown as such, to be closed)."""
    if etat not in EN_ATTENTE_EMPLOYEUR:
        return None
    jours = (aujourd_hui - depuis).days
    if jours >= 2 * delai:
        return "obsolete"
    if jours >= delai:
        return "relance"
    return None
