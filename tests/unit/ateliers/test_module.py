"""Issue 12: the ateliers module in the contract — navigation, record kinds, evidence rules
citing the REAC's own words (checked against /work/shared/seeds when present)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from cipdesk.ateliers.module import MODULE

REAC = Path("/work/shared/seeds/REAC_referentiel_emploi_activites_competences_CIP.txt")


def test_declaration():
    assert MODULE.code == "ateliers"
    assert [n.endpoint for n in MODULE.navigation] == ["ateliers.conception.index"]
    codes = {t.code for t in MODULE.objets}
    regles = {r.objet_type: r.codes for r in MODULE.preuves}
    assert regles == {"atelier": ("CP9",), "session_atelier": ("CP10",), "emargement": ("CP10",),
                      "bilan_atelier": ("CP10",)}
    assert set(regles) <= codes
    assert MODULE.alertes and len(MODULE.chronologie) == 3 and MODULE.demo is not None


@pytest.mark.skipif(not REAC.exists(), reason="référentiel source absent")
def test_les_regles_citent_le_reac_mot_pour_mot():
    texte = " ".join(REAC.read_text(encoding="utf-8").split())
    for regle in MODULE.preuves:
        citations = re.findall(r"« ([^»]+) »", regle.justification)
        assert citations, regle.objet_type
        for citation in citations:
            morceaux = [m.strip() for m in citation.split("…") if m.strip()]
            for morceau in morceaux:
                assert morceau in texte, f"{regle.objet_type} : « {morceau} » absent du REAC"
