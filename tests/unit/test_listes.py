"""The one mechanism of the lists a structure edits (core/listes.py): pure rules, and the
declarations every module makes in its contract."""
from __future__ import annotations

from types import SimpleNamespace as L

from cipdesk.core import listes
from cipdesk.modules import declarations

DEFAUTS = (("cer", "Contrat d'engagement réciproque (CER, RSA)"), ("plie", "PLIE"), ("autre", "Autre dispositif"))


def test_sans_ligne_les_valeurs_par_defaut():
    assert listes.actives(listes.composer(DEFAUTS, [])) == list(DEFAUTS)


def test_valeurs_retirees_lisibles_mais_plus_proposees_et_ajouts_a_la_fin():
    lignes = [L(code="cer", libelle="", active=False, ordre=0),
              L(code="clea", libelle="CléA", active=True, ordre=2),
              L(code="gj", libelle="Garantie jeunes (historique)", active=False, ordre=1)]
    valeurs = listes.composer(DEFAUTS, lignes)
    assert [v.code for v in valeurs] == ["cer", "plie", "autre", "gj", "clea"]
    assert [c for c, _l in listes.actives(valeurs)] == ["plie", "autre", "clea"]
    assert listes.libelle(valeurs, "cer") == "Contrat d'engagement réciproque (CER, RSA)"  # still readable
    assert listes.libelle(valeurs, "gj") == "Garantie jeunes (historique)"
    assert listes.libelle(valeurs, "inconnu") is None
    assert [v.ajoutee for v in valeurs] == [False, False, False, True, True]


def test_code_stable_d_un_libelle():
    assert listes.code_de("Santé  psychique") == "sante_psychique"
    assert listes.code_de("  !! ") == ""


def test_les_listes_sont_declarees_par_les_modules_sans_doublon():
    codes = [l.code for m in declarations() for l in m.listes]
    assert {"dimension_diagnostic", "dispositif", "type_etape", "phase_projet", "financement"} <= set(codes)
    assert len(codes) == len(set(codes))
    for m in declarations():
        for l in m.listes:
            assert l.defauts and len({c for c, _l in l.defauts}) == len(l.defauts), l.code
