"""Pure rules about people: normalisation for search, duplicate detection, age, birth date."""
from __future__ import annotations

import re
from datetime import date

from cipdesk.core.texte import normaliser_nom, sans_accents  # noqa: F401  (re-exported)


def chiffres(texte: str) -> str:
    return re.sub(r"\D", "", texte or "")


def age(naissance: date | None, le: date) -> int | None:
    if naissance is None:
        return None
    return le.year - naissance.year - ((le.month, le.day) < (naissance.month, naissance.day))


AGE_MINIMUM = 14    # youngest person a structure of insertion accompanies
AGE_MAXIMUM = 100


def erreur_date_naissance(naissance: date | None, aujourd_hui: date) -> str | None:
    if naissance is None:
        return None
    if naissance > aujourd_hui:
        return "La date de naissance ne peut pas être dans le futur."
    ans = aujourd_hui.year - naissance.year - ((aujourd_hui.month, aujourd_hui.day) < (naissance.month, naissance.day))
    if ans < AGE_MINIMUM:
        return f"La personne aurait {ans} ans : vérifiez l'année (âge minimum {AGE_MINIMUM} ans)."
    if ans > AGE_MAXIMUM:
        return f"La personne aurait {ans} ans : vérifiez l'année de naissance."
    return None


def cle_doublon(nom: str, prenom: str, naissance: date | None) -> tuple[str, date | None]:
    """Probable duplicate: same normalised « nom prénom » and same birth date
    (accents, case, hyphens and the order of the names do not matter)."""
    return " ".join(sorted(normaliser_nom(nom, prenom).split())), naissance


def est_doublon_probable(a: tuple[str, str, date | None], b: tuple[str, str, date | None]) -> bool:
    if a[2] is None or b[2] is None:
        return False
    return cle_doublon(*a) == cle_doublon(*b)


# -- one typo tolerated in a search as you type (issue #11, point 6) ------------------------
LONGUEUR_TOLERANCE = 4      # a shorter word must be typed right (too many names are one edit away)
CANDIDATS_MAX = 20_000      # names of the reader's perimeter compared at most (a team's caseload)


def une_faute(mots: list[str], noms: list[tuple[object, str]]) -> list:
    """The ids among `noms` [(id, nom_recherche)] whose name holds, for every searched word, a
    word at most one edit away (substitution, insertion, deletion or transposition of two
    neighbours), whole or as the beginning of the name word (typing goes on); words shorter
    than LONGUEUR_TOLERANCE must appear as typed. Pure; the distances are computed in C."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    mots_des_noms, proprietaires = [], []
    for rang, (_ident, nom) in enumerate(noms):
        for mot_du_nom in nom.split():
            mots_des_noms.append(mot_du_nom)
            proprietaires.append(rang)
    retenus: set[int] | None = None
    for mot in mots:
        trouves = {proprietaires[k] for k, n in enumerate(mots_des_noms) if mot in n}
        if len(mot) >= LONGUEUR_TOLERANCE:
            for choix in (mots_des_noms, [n[:len(mot)] for n in mots_des_noms],
                          [n[:len(mot) + 1] for n in mots_des_noms]):
                trouves.update(proprietaires[k] for _c, _d, k in process.extract(
                    mot, choix, scorer=OSA.distance, score_cutoff=1, limit=None))
        retenus = trouves if retenus is None else retenus & trouves
    return [noms[rang][0] for rang in sorted(retenus or ())]


# -- importing over an existing fiche (issue #19) ---------------------------------------------
CHAMPS_DE_NOM = ("nom", "prenom", "nom_usage")


def meme_graphie(a: str, b: str) -> bool:
    """Two spellings of a name that differ only by case, accents or spaces (« Élodie » /
    « elodie », « LEFÈVRE » / « Lefevre »); a hyphen or a letter is a real difference."""
    def cle(t: str) -> list[str]:
        return sans_accents(t or "").casefold().split()
    return cle(a) == cle(b)


def ecrase(champ: str, avant, apres) -> bool:
    """Whether an imported value replaces the one on the fiche: an empty cell never does, nor a
    name only written in another case or without its accents (the fiche keeps « Élodie »)."""
    if apres in (None, "") or apres == avant:
        return False
    return not (champ in CHAMPS_DE_NOM and avant and meme_graphie(avant, apres))
