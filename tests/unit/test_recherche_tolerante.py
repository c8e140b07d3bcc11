"""Issue #11, point 6: search as you type tolerates common phonetic variants of French names
and one typo per word (pure rules: core.texte.cle_phonetique, personnes.rules.une_faute)."""
from __future__ import annotations

import pytest

from cipdesk.core.texte import cle_phonetique, cles_phonetiques
from cipdesk.personnes.rules import une_faute


@pytest.mark.parametrize("a, b", [("Dupond", "Dupont"), ("Lefèvre", "Lefebvre"), ("Philippe", "Filipe"),
                                  ("Mathieu", "Matthieu"), ("Laurent", "Laurant"), ("Durand", "Durant"),
                                  ("Camille", "Kamille"), ("Schmitt", "Chmit"), ("Gérard", "Jérard"),
                                  ("Moreau", "Moraud"), ("Lefèvre", "LEFEVRE")])
def test_variantes_phonetiques(a, b):
    assert cle_phonetique(a) == cle_phonetique(b) != ""


@pytest.mark.parametrize("a, b", [("Martin", "Morin"), ("Dupont", "Durand"), ("Léa", "Lou"), ("Benali", "Bernard")])
def test_noms_differents_restent_differents(a, b):
    assert cle_phonetique(a) != cle_phonetique(b)


def test_cles_de_tous_les_mots_du_nom():
    assert cles_phonetiques("Lefebvre", "Yasmine", "") == "lefevr iasmin"
    assert cles_phonetiques("", "") == ""


NOMS = [(1, "dupont karim"), (2, "lefebvre yasmine"), (3, "martin lea"), (4, "durand lea"), (5, "benali omar")]


@pytest.mark.parametrize("mots, ids", [
    (["dupnot"], [1]),            # transposition
    (["dupomt"], [1]),            # substitution
    (["dupoont"], [1]),           # insertion
    (["lefebre"], [2]),           # deletion
    (["lefbe"], [2]),             # a typo while still typing (beginning of the word)
    (["matrin", "lea"], [3]),     # every word must match
    (["lea"], [3, 4]),            # as typed
    (["lae"], []),                # too short for a typo
    (["xyzt"], []),
    (["duran", "omar"], []),
])
def test_une_faute_par_mot(mots, ids):
    assert une_faute(mots, NOMS) == ids


def test_une_faute_sur_beaucoup_de_noms():
    noms = [(i, f"nom{i:05d} prenom{i % 97}") for i in range(20_000)] + [(-1, "lefebvre yasmine")]
    assert une_faute(["lefebrve"], noms) == [-1]
