"""Rules of « Mes compétences »: coverage states, suggestions, readiness."""
from __future__ import annotations

import re
from datetime import date

import pytest

from cipdesk.competences import rules
from cipdesk.competences.rules import Cas, EtatCouverture
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


PARTIE_2 = get_referentiel().dossier_titre().partie(2)


def test_partie_prete_avec_un_parcours_de_trois_entretiens():
    cas = [Cas("parcours", 1, "Parcours PLIE", entretiens=2), Cas("parcours", 2, "Parcours IAE", entretiens=3)]
    etat = rules.evaluer_partie(PARTIE_2, cas, module_disponible=True, besoin="un parcours",
                                entretiens_requis=rules.ENTRETIENS_MINIMUM)
    assert etat.prete and [c.objet_id for c in etat.cas] == [2] and etat.manque == ""


def test_partie_non_prete_dit_ce_qui_manque():
    etat = rules.evaluer_partie(PARTIE_2, [Cas("parcours", 1, "P", entretiens=2, debut=date(2026, 1, 1))],
                                module_disponible=True, besoin="un parcours", entretiens_requis=3)
    assert not etat.prete and "aucun cas n'a encore 3 entretiens (le plus avancé en compte 2)" in etat.manque
    vide = rules.evaluer_partie(PARTIE_2, [], module_disponible=True, besoin="un parcours", entretiens_requis=3)
    assert "aucun cas enregistré" in vide.manque
    absent = rules.evaluer_partie(PARTIE_2, [], module_disponible=False, besoin="un atelier")
    assert not absent.prete and "pas encore disponible" in absent.manque


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


def test_parties_2_et_3_exigent_trois_entretiens():
    from cipdesk.competences.dossier import BESOINS

    assert BESOINS[2].entretiens_requis == BESOINS[3].entretiens_requis == rules.ENTRETIENS_MINIMUM == 3
