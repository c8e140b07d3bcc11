"""Pure rules of « Mes compétences »: coverage states and suggestions. No database,
no Flask (the dossier's readiness is in cipdesk/dossier/rules.py)."""
from __future__ import annotations

from cipdesk.core.libelles import EnumLibelle

# Default thresholds; a structure overrides them in Structure.parametres["seuils_couverture"].
SEUILS_PAR_DEFAUT = {"quelques": 1, "bien": 5}


class EtatCouverture(EnumLibelle):
    AUCUNE = "aucune"
    QUELQUES = "quelques"
    BIEN = "bien"


EtatCouverture.LIBELLES = {"aucune": "aucune preuve", "quelques": "quelques preuves", "bien": "bien couverte"}


def seuils(parametres: dict | None) -> dict[str, int]:
    valeurs = dict(SEUILS_PAR_DEFAUT)
    valeurs.update((parametres or {}).get("seuils_couverture", {}))
    if not 1 <= valeurs["quelques"] <= valeurs["bien"]:
        return dict(SEUILS_PAR_DEFAUT)
    return valeurs


def etat_couverture(nombre: int, seuils_: dict[str, int]) -> EtatCouverture:
    if nombre >= seuils_["bien"]:
        return EtatCouverture.BIEN
    if nombre >= seuils_["quelques"]:
        return EtatCouverture.QUELQUES
    return EtatCouverture.AUCUNE


# Which kind of activity evidences which competences, in the words of the job:
# used to say plainly what is missing ("aucun atelier enregistré : CP9 et CP10 …").
ACTIVITES_PROBANTES = (
    ("aucun accueil ni diagnostic enregistré", ("CP1", "CP2")),
    ("aucune veille ni profil de territoire enregistré", ("CP3",)),
    ("aucune orientation vers un partenaire enregistrée", ("CP4",)),
    ("aucun écrit professionnel (synthèse, fiche de liaison) enregistré", ("CP5",)),
    ("aucun parcours contractualisé enregistré", ("CP6",)),
    ("aucun accompagnement de projet professionnel enregistré", ("CP7", "CP8")),
    ("aucun atelier enregistré", ("CP9", "CP10")),
    ("aucune analyse de pratique enregistrée", ("CP11",)),
    ("aucune action de prospection des employeurs enregistrée", ("CP12", "CP15")),
    ("aucun appui au recrutement enregistré", ("CP13",)),
    ("aucun suivi d'intégration en emploi enregistré", ("CP14",)),
)


def _et(codes: list[str]) -> str:
    return codes[0] if len(codes) == 1 else ", ".join(codes[:-1]) + " et " + codes[-1]


def suggestions(comptes: dict[str, int]) -> list[str]:
    """Plain sentences for the competences without evidence."""
    phrases = []
    for activite, codes in ACTIVITES_PROBANTES:
        sans = [c for c in codes if comptes.get(c, 0) == 0]
        if not sans:
            continue
        verbe = "n'a pas encore de preuve" if len(sans) == 1 else "n'ont pas encore de preuve"
        phrases.append(f"{activite} : {_et(sans)} {verbe}.")
    return phrases


# -- the criteria of a competence, each shown once (issue #11, point 10) -----------------------
def _cle_critere(texte: str) -> str:
    from cipdesk.core.texte import normaliser_nom

    return normaliser_nom(texte)


def criteres_a_montrer(performance: list[str], evaluation: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(common, REAC only, RC only): a criterion worded the same in the REAC (performance) and
    in the RC (evaluation) — same words, whatever the accents, case or punctuation — is shown
    once, in the REAC's wording and order; the others stay under their referential."""
    cles_rc = {_cle_critere(c) for c in evaluation}
    cles_reac = {_cle_critere(c) for c in performance}
    communs = [c for c in performance if _cle_critere(c) in cles_rc]
    return (communs, [c for c in performance if _cle_critere(c) not in cles_rc],
            [c for c in evaluation if _cle_critere(c) not in cles_reac])
