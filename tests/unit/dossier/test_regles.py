"""The rules of the dossier as data, tested against DOSSIER.md (a copy of the shared file,
tests/donnees/dossier/), and their pure evaluation."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from cipdesk.dossier import rules
from cipdesk.dossier.brouillon.commun import Bloc, appliquer_reglages, deplacer, masquer, mois_annee, tranche_d_age
from cipdesk.dossier.rules import Piece, evaluer_regle
from cipdesk.referentiel import get_referentiel

DOSSIER_MD = Path(__file__).resolve().parents[2] / "donnees" / "dossier" / "DOSSIER.md"


def _identifiants_du_md() -> list[str]:
    return re.findall(r"^- ((?:D|A)\d+|P\d\.\d+) ", DOSSIER_MD.read_text(encoding="utf-8"), flags=re.MULTILINE)


def test_chaque_identifiant_de_dossier_md_est_une_regle_et_reciproquement():
    attendus = _identifiants_du_md()
    assert len(attendus) == 43 and "P2.8" in attendus and "A4" in attendus
    assert [r.ident for r in rules.REGLES] == attendus  # same rules, same order


def test_chaque_regle_nomme_sa_partie_comme_dossier_md():
    texte = DOSSIER_MD.read_text(encoding="utf-8")
    for r in rules.REGLES:
        if r.ident.startswith("P"):
            assert r.partie == int(r.ident[1]), r.ident
            section = texte[:texte.index(f"- {r.ident} ")]
            assert section.rindex(f"## Part {r.partie}") > section.rfind(f"## Part {r.partie + 1}")


@pytest.mark.parametrize("regle", rules.REGLES, ids=lambda r: r.ident)
def test_chaque_regle_est_evaluee_non_tenue_a_vide_puis_tenue(regle):
    vide = evaluer_regle(regle, {})
    assert not vide.tenue and vide.manque
    plein = {cle: [Piece(f"{cle} {i}", cas="c") for i in range(regle.minimum)] for cle in regle.cles}
    assert evaluer_regle(regle, plein, cas=["c"]).tenue


def test_un_minimum_par_cas_et_le_texte_du_candidat_ne_remplace_pas_un_compte():
    p21 = rules.PAR_IDENT["P2.1"]
    faits = {"entretiens": [Piece("e", cas="a")] * 3 + [Piece("e", cas="b")] * 2}
    etat = evaluer_regle(p21, faits, cas=["a", "b"], textes={"P2.1": "trois entretiens"})
    assert not etat.tenue and "le moins fourni en compte 2" in etat.manque
    assert evaluer_regle(p21, {"entretiens": [Piece("e", cas="a")] * 3}, cas=["a"]).tenue


def test_une_description_peut_etre_ecrite_par_le_candidat():
    p27 = rules.PAR_IDENT["P2.7"]
    assert evaluer_regle(p27, {"bilan": [Piece("bilan")]}).manque == "Manque : le passage de relais."
    etat = evaluer_regle(p27, {"bilan": [Piece("bilan")]}, textes={"P2.7": "Relais vers Cap emploi."})
    assert etat.tenue and etat.pieces[-1].libelle == "votre texte pour cette règle"


def test_analyse_de_pratique_faits_opinions_emotions_separes():
    a1 = rules.PAR_IDENT["A1"]
    assert not evaluer_regle(a1, {}, textes={"faits": "x", "opinions": "y"}).tenue
    assert evaluer_regle(a1, {}, textes={"faits": "x", "opinions": "y", "emotions": "z"}).tenue


def test_regles_d_une_partie_incluent_son_analyse():
    assert [r.ident for r in rules.regles_de(2)][-4:] == ["A1", "A2", "A3", "A4"]
    assert not any(r.ident.startswith("A") for r in rules.regles_de(5))  # RC: no analysis in part 5
    assert not any(r.ident.startswith("A") for r in rules.regles_de(1))


def test_modalites_du_rc():
    assert not any(rules.evaluee_par_le_dossier(c) for c in ("CP1", "CP2", "CP5"))
    assert all(rules.evaluee_par_le_dossier(f"CP{n}") for n in (3, 4, *range(6, 16)))
    assert "pas dans le dossier" in rules.comment_evaluee("CP2")
    assert "entretien technique" in rules.comment_evaluee("CP11")
    codes = {c for p in get_referentiel().dossier_titre().parties for c in p.competences}
    assert codes == {f"CP{n}" for n in (3, 4, *range(6, 16))}


def test_une_partie_n_est_prete_que_si_tout_tient():
    regles = [evaluer_regle(r, {c: [Piece("x")] * r.minimum for c in r.cles}) for r in rules.regles_de(5)]
    comp = rules.etat_competences(("CP12", "CP15"), {}, {"CP12": 2})
    etat = rules.EtatPartie(5, "Cinquième partie", 5, 7, regles, comp)
    assert not etat.prete  # CP15 has no evidence
    comp[1].preuves = 1
    assert etat.prete
    regles[0] = evaluer_regle(rules.PAR_IDENT["P5.1"], {})
    assert not etat.prete


def test_eligibilite_et_choix():
    ok, raisons = rules.eligibilite(2, entretiens=2)
    assert not ok and "il en faut au moins 3" in raisons[0]
    ok, raisons = rules.eligibilite(3, entretiens=4, projet=False)
    assert not ok and "Aucun projet" in raisons[1]
    assert rules.eligibilite(7, cadre=True)[0] and not rules.eligibilite(7, cadre=False)[0]
    cas = [rules.CasPossible("parcours", i, f"P{i}", i != 3, ("r",)) for i in (1, 2, 3)]
    assert rules.verifier_choix(2, ["parcours:1", "parcours:2"], cas) == ""
    assert "deux personnes au plus" in rules.verifier_choix(2, ["parcours:1", "parcours:2", "parcours:3"], cas)
    assert "n'est pas éligible" in rules.verifier_choix(2, ["parcours:3"], cas)
    assert "Un seul cas" in rules.verifier_choix(4, ["parcours:1", "parcours:2"], cas)
    assert "activité enregistrée" in rules.verifier_choix(2, ["parcours:9"], cas)
    assert rules.verifier_choix(2, [], cas) == "Choisissez au moins un cas."


def test_avis_de_pages():
    assert rules.avis_pages(6, 5, 6) == ""
    assert rules.avis_pages(8, 5, 6) == "8 pages : 2 de trop (budget 5 à 6)."
    assert rules.avis_pages(1, 2, 3) == "1 page : il en manque 1 (budget 2 à 3)."


def test_reglages_des_blocs():
    blocs = [Bloc("a", "A", ["1"]), Bloc("b", "B", ["2"]), Bloc("c", "C", ["3"])]
    ordre = deplacer([], ["a", "b", "c"], "c", -1)
    assert ordre == ["a", "c", "b"]
    resultat = appliquer_reglages(blocs, {"ordre": ordre, "masques": ["b"]}, {"a": "court\n\nplus court"})
    assert [(b.cle, m, c) for b, m, c in resultat] == [("a", False, True), ("c", False, False), ("b", True, False)]
    assert resultat[0][0].paragraphes == ["court", "plus court"]
    nouveaux = appliquer_reglages(blocs + [Bloc("d", "D")], {"ordre": ["c"]}, {})
    assert [b.cle for b, _m, _c in nouveaux] == ["c", "a", "b", "d"]


def test_personnes_decrites_sans_les_identifier():
    assert tranche_d_age(date(1990, 6, 1), date(2026, 5, 31)) == "entre 30 et 39 ans"
    assert tranche_d_age(date(2004, 1, 1), date(2026, 5, 31)) == "moins de 26 ans"
    assert tranche_d_age(None, date(2026, 5, 31)) == "âge non renseigné"
    assert mois_annee(date(2026, 3, 14)) == "03/2026"
    assert masquer("Karim est venu ; KARIM Benali a signé.", ("Karim", "Benali"), "M. A.") == \
        "M. A. est venu ; M. A. M. A. a signé."


def test_correspondance_des_parties_des_ccp():
    """Each CCP's part is written like the titre's part that asks for the same thing (RC sections
    « CCP »): same competences, the CCP's own budget."""
    from cipdesk.dossier.rules import CORRESPONDANCE_CCP, avis_budget_ccp, partie_du_titre
    from cipdesk.referentiel import get_referentiel

    ref = get_referentiel("reac-2018")
    titre = ref.dossier_titre()
    for code, parties in CORRESPONDANCE_CCP.items():
        production = ref.production(code)
        assert sorted(parties) == [p.numero for p in production.parties]
        for p in production.parties:
            equivalente = titre.partie(partie_du_titre(code, p.numero))
            assert set(equivalente.competences) <= set(p.competences)
    assert partie_du_titre("titre", 4) == 4 and partie_du_titre("CCP2", 3) == 4
    assert (ref.production("CCP2").pages_min, ref.production("CCP2").pages_max) == (16, 21)
    assert avis_budget_ccp(ref.production("CCP2")) == ""   # 5+5+6 = 16, 6+7+8 = 21
    avis = avis_budget_ccp(ref.production("CCP3"))        # 5+4+2 = 11: the RC's own inconsistency
    assert "11 à 15" in avis and "12 à 15" in avis
