"""Pure rules of the analyse de pratique (REAC CP11), without a session or Flask."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cipdesk.core.texte import normaliser_nom

# The rubriques of an analysis, in the order of the REAC's description of CP11 (« décrire les
# faits, exprimer les émotions ressenties, repérer ses propres limites…, analyser les points
# forts, les axes d'amélioration, et rechercher les ajustements nécessaires »).
RUBRIQUES: dict[str, str] = {
    "titre": "Titre (sans nom de personne)",
    "situation": "La situation",
    "faits": "Les faits",
    "opinions": "Mes opinions, mes interprétations",
    "emotions": "Mes émotions, mes ressentis",
    "facteurs": "Les facteurs déterminants",
    "points_forts": "Les points forts de ma pratique",
    "difficultes": "Les difficultés, mes limites et celles de ma fonction",
    "ajustements": "Les ajustements envisagés",
    "autrement": "Ce que je ferai autrement",
}
LONGUEUR_MAX = 8000
LONGUEUR_TITRE = 200


@dataclass(frozen=True)
class Critere:
    """A performance criterion of CP11 (REAC, identical to the RC §3.2 evaluation criteria)
    and the rubriques that answer it."""
    code: str
    libelle: str
    rubriques: tuple[str, ...]


CRITERES_CP11 = (
    Critere("A1", "La description de la situation distingue les faits, les opinions et les émotions",
            ("faits", "opinions", "emotions")),
    Critere("A2", "Les facteurs déterminants de la situation sont explicités", ("facteurs",)),
    Critere("A3", "Les points forts de la pratique sont valorisés", ("points_forts", "difficultes")),
    Critere("A4", "Les propositions d'ajustement des pratiques sont pertinentes", ("ajustements", "autrement")),
)


def erreurs_de_saisie(valeurs: dict[str, str], situation_le: date | None, aujourd_hui: date) -> dict[str, str]:
    """{rubrique: message} of what cannot be saved: an empty analysis (no situation, no facts),
    a situation in the future, a rubrique too long."""
    erreurs: dict[str, str] = {}
    if not (valeurs.get("titre") or "").strip():
        erreurs["titre"] = "Donnez un titre à l'analyse (sans nom de personne)."
    if not (valeurs.get("situation") or "").strip():
        erreurs["situation"] = "Décrivez la situation analysée : une analyse de pratique ne peut pas être vide."
    if not (valeurs.get("faits") or "").strip():
        erreurs["faits"] = ("Décrivez les faits, séparés de vos opinions et de vos émotions "
                            "(REAC CP11, premier critère).")
    if situation_le is None:
        erreurs["situation_le"] = "Indiquez la date de la situation."
    elif situation_le > aujourd_hui:
        erreurs["situation_le"] = "La situation analysée ne peut pas être dans le futur."
    for rubrique, texte in valeurs.items():
        limite = LONGUEUR_TITRE if rubrique == "titre" else LONGUEUR_MAX
        if len(texte or "") > limite and rubrique not in erreurs:
            erreurs[rubrique] = f"{limite} caractères au plus."
    return erreurs


def criteres_manquants(valeurs: dict[str, str]) -> list[Critere]:
    """The CP11 criteria the analysis does not answer yet (shown, never blocking): a
    criterion is answered when each of its rubriques is written (A3, A4: at least one)."""
    manquants = []
    for critere in CRITERES_CP11:
        remplies = [r for r in critere.rubriques if (valeurs.get(r) or "").strip()]
        complet = len(remplies) == len(critere.rubriques) if critere.code == "A1" else bool(remplies)
        if not complet:
            manquants.append(critere)
    return manquants


# -- names of the people described -----------------------------------------------------
MOTS_COURTS = 2  # a family-name word of one or two letters (« Li », « de ») is not flagged alone


@dataclass(frozen=True)
class NomSurveille:
    """A person of the author's caseload, as normalised words (never stored)."""
    nom: str          # « dupont martin »
    prenom: str       # « elodie »


def _mots(texte: str) -> str:
    return f" {normaliser_nom(texte)} "


def _indices(mots: str, p: NomSurveille) -> list[str]:
    trouves = []
    if p.nom and f" {p.nom} " in mots and (len(p.nom) > MOTS_COURTS or f" {p.prenom} {p.nom} " in mots):
        trouves.append(p.nom)
    for partie in p.nom.split() if " " in p.nom and not trouves else ():
        if len(partie) > MOTS_COURTS and f" {partie} " in mots and partie not in trouves:
            trouves.append(partie)
    if p.prenom and p.nom:
        initiale = re.escape(p.nom[0])
        if re.search(rf" {re.escape(p.prenom)} {initiale} ", mots) or re.search(rf" {initiale} {re.escape(p.prenom)} ",
                                                                                   mots):
            trouves.append(f"{p.prenom} {p.nom[0]}.")
    return trouves


def noms_cites(valeurs: dict[str, str], personnes: list[NomSurveille]) -> dict[str, list[str]]:
    """{rubrique: [words found]}: a family name of the caseload (or one word of a compound
    name) as a whole word, accents and case ignored, or a first name beside the family name's
    initial (« Élodie D. »). A first name alone is too common to be flagged."""
    resultat: dict[str, list[str]] = {}
    for rubrique, texte in valeurs.items():
        if not texte:
            continue
        mots = _mots(texte)
        trouves: list[str] = []
        for p in personnes:
            trouves.extend(m for m in _indices(mots, p) if m not in trouves)
        if trouves:
            resultat[rubrique] = trouves
    return resultat


def message_noms(trouves: dict[str, list[str]]) -> str:
    mots = sorted({m for liste in trouves.values() for m in liste})
    return ("Un nom de votre file active apparaît (" + ", ".join(f"« {m} »" for m in mots) + ") : une analyse de "
            "pratique ne contient jamais de donnée identifiante. Remplacez-le (« la personne », « M. X. »).")
