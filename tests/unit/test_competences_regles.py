"""Rules of « Mes compétences »: coverage states, suggestions (readiness: tests/unit/dossier)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from cipdesk.competences import rules
from cipdesk.competences.rules import EtatCouverture
from cipdesk.referentiel import get_referentiel


@pytest.mark.parametrize("nombre, etat", [(0, EtatCouverture.AUCUNE), (1, EtatCouverture.QUELQUES),
                                          (4, EtatCouverture.QUELQUES), (5, EtatCouverture.BIEN)])
def test_etat_de_couverture_par_defaut(nombre, etat):
    assert rules.etat_couverture(nombre, rules.seuils({})) == etat


def test_seuils_de_la_structure_et_seuils_incoherents():
    assert rules.seuils({"seuils_couverture": {"quelques": 2, "bien": 10}}) == {"quelques": 2, "bien": 10}
    assert rules.etat_couverture(1, rules.seuils({"seuils_couverture": {"quelques": 2, "bien": 10}})) \
        == EtatCouverture.AUCUNE
    assert rules.seuils({"seuils_couverture": {"quelques": 9, "bien": 3}}) == rules.SEUILS_PAR_DEFAUT


def test_suggestions_en_langage_du_metier():
    phrases = rules.suggestions({"CP1": 3, "CP2": 1, "CP6": 2, "CP9": 0})
    assert "aucun atelier enregistré : CP9 et CP10 n'ont pas encore de preuve." in phrases
    assert not any(re.search(r"\bCP1\b", p) for p in phrases)
    assert "aucun accompagnement de projet professionnel enregistré : CP7 et CP8 n'ont pas encore de preuve." in phrases
    assert any(p.startswith("aucune orientation") and "CP4 n'a pas encore de preuve" in p for p in phrases)


def test_chaque_competence_professionnelle_a_une_suggestion():
    couvertes = {c for _a, codes in rules.ACTIVITES_PROBANTES for c in codes}
    attendues = {c.code for c in get_referentiel().competences if not c.est_transversale}
    assert couvertes == attendues


def test_table_d_etiquetage_lisible_et_justifiee():
    """Each line of the tagging table names valid competences and cites the REAC or the RC."""
    from cipdesk.competences.services import codes_pour
    from cipdesk.modules import declarations, installer
    from cipdesk.referentiel import CODES_COMPETENCES

    installer()
    regles = [(r.objet_type, r.codes, r.justification) for m in declarations() for r in m.preuves]
    types = [t for t, _c, _j in regles]
    assert len(types) == len(set(types)), "un type d'activité figure deux fois"
    for objet_type, codes, justification in regles:
        assert codes and set(codes) <= set(CODES_COMPETENCES), objet_type
        assert "REAC" in justification or "RC" in justification, objet_type
        assert all(code in justification for code in codes), f"{objet_type} : chaque code doit être justifié"
        assert codes_pour(objet_type) == codes
    with pytest.raises(KeyError):
        codes_pour("inconnu")
