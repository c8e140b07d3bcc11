"""Pure rules of the tableau de bord: filters, calendar, charts, spreadsheet cells, FSE+ data."""
from __future__ import annotations

from datetime import date

from werkzeug.datastructures import MultiDict

from cipdesk.tableau import fse, rules

AUJ = date(2026, 6, 30)
CHOIX = {"dispositif": {"plie", "iae"}, "conseiller": {"c1"}, "equipe": {"e1"}, "financeur": set(rules.FINANCEURS),
         "public": {"rsa"}}


def test_periode_par_defaut_douze_mois():
    assert rules.periode_par_defaut(AUJ) == (date(2025, 7, 1), AUJ)
    assert rules.periode_par_defaut(date(2026, 11, 3)) == (date(2025, 12, 1), date(2026, 11, 3))


def test_filtres_lus_et_verifies():
    f, erreurs = rules.lire_filtres(MultiDict({"debut": "2026-01-01", "fin": "2026-03-31", "dispositif": "plie"}),
                                    AUJ, choix=CHOIX)
    assert not erreurs and (f.debut, f.fin, f.dispositif) == (date(2026, 1, 1), date(2026, 3, 31), "plie")
    assert f.parametres() == {"debut": "2026-01-01", "fin": "2026-03-31", "dispositif": "plie"}
    f, erreurs = rules.lire_filtres(MultiDict({"debut": "2026-04-01", "fin": "2026-03-31", "dispositif": "cej"}),
                                    AUJ, choix=CHOIX)
    assert {e.champ for e in erreurs} == {"fin", "dispositif"}
    assert f.dispositif == "" and f.saisie["dispositif"] == "cej"   # never widened silently: an error
    assert (f.debut, f.fin) == rules.periode_par_defaut(AUJ)


def test_financeur_du_dispositif():
    assert rules.dispositifs_du_financeur("fse", ["plie", "iae", "cej"]) == ["plie"]
    assert rules.dispositifs_du_financeur("autre", ["plie", "mon_dispositif"]) == ["mon_dispositif"]


def test_mois_et_taux():
    assert rules.mois_de_la_periode(date(2025, 11, 15), date(2026, 2, 1)) == ["2025-11", "2025-12", "2026-01",
                                                                              "2026-02"]
    assert rules.libelle_mois("2026-02") == "février 2026"
    assert rules.moins_mois(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert rules.taux(1, 3) == 33.3 and rules.taux(1, 0) is None


def test_barres_a_l_echelle_du_plus_grand():
    barres, hauteur = rules.barres([("A", 2, "2"), ("B", 4, "4"), ("C", 0, "0")], largeur=200)
    assert [b.largeur for b in barres] == [100.0, 200.0, 0.0] and hauteur == 120
    assert rules.barres([], largeur=200) == ([], 40)


def test_neutraliser_les_formules():
    for texte in ("=1+1", "+33 6", "-2", "@SUM(A1)", "\tx"):
        assert rules.neutraliser(texte) == "'" + texte
    assert rules.neutraliser("Martin") == "Martin" and rules.neutraliser(-2) == -2
    assert rules.neutraliser(date(2026, 1, 1)) == date(2026, 1, 1)


def test_tranches_d_age_fse():
    entree = date(2026, 4, 1)
    assert rules.tranche_age_fse(date(2008, 4, 2), entree) == "moins_18"
    assert rules.tranche_age_fse(date(2008, 4, 1), entree) == "18_29"
    assert rules.tranche_age_fse(date(1996, 4, 1), entree) == "30_54"
    assert rules.tranche_age_fse(date(1971, 4, 1), entree) == "55_plus"
    assert rules.tranche_age_fse(None, entree) == "inconnu"


def _p(nom, sexe, naissance, niveau, publics, sortie=None):
    return fse.Participant(nom, nom, "X", sexe, naissance, niveau, tuple(publics), date(2026, 3, 1), "PLIE", sortie)


def test_tableau_fse_par_sexe_et_completude():
    participants = [_p("A", "femme", date(2000, 1, 1), "cite_3_4", ["deld", "rqth"]),
                    _p("B", "homme", date(1960, 1, 1), "cite_0_2", ["deld", "pays_tiers", "zrr"]),
                    _p("C", "femme", None, "inconnu", ["sans_abri"], sortie=date(2026, 4, 1)),
                    _p("D", "non_renseigne", date(1990, 1, 1), "cite_5_8", [])]
    lignes = {l.code: (l.par_sexe, l.total) for l in fse.tableau_fse(participants)}
    assert lignes["participants"] == ({"femme": 2, "homme": 1, "non_renseigne": 1}, 4)
    assert lignes["chomeur_longue_duree"][1] == 2 and lignes["situation_inconnue"][1] == 2
    assert lignes["18_29"][0]["femme"] == 1 and lignes["55_plus"][0]["homme"] == 1
    assert lignes["30_54"][0]["non_renseigne"] == 1 and lignes["age_inconnu"][0]["femme"] == 1
    assert lignes["handicap"][1] == lignes["pays_tiers"][1] == lignes["sans_abri"][1] == lignes["zone_rurale"][1] == 1
    incomplets = fse.completude(participants)
    assert [p.nom for p, _m in incomplets] == ["C", "D"]   # C is already out: first
    assert incomplets[0][1] == ["date de naissance", "niveau d'études",
                                "situation sur le marché du travail à l'entrée"]
    assert incomplets[1][1] == ["sexe", "situation sur le marché du travail à l'entrée"]
    # what the page shows of each row, as the template used to format it (date_fr, join)
    assert fse.lignes_incompletes(incomplets) == [
        ("C", "C X", "01/03/2026", "01/04/2026",
         "date de naissance, niveau d'études, situation sur le marché du travail à l'entrée"),
        ("D", "D X", "01/03/2026", None, "sexe, situation sur le marché du travail à l'entrée")]


def test_sorties_plie():
    lignes = fse.sorties_plie({"cdi": 2, "formation": 1, "chomage": 1, "retraite": 1, "motif_retire": 1})
    assert [(c, n) for c, _l, n in lignes] == [("emploi", 2), ("formation", 1), ("autres", 1), ("neutralisees", 1),
                                               ("autres_motifs", 1)]


def test_situation_sur_le_marche_du_travail_a_l_entree():
    """Issue #17 (a): the recorded situation is counted; « deld » still says long-term
    unemployed when nothing was recorded; the recorded one wins; unknown is missing."""
    def p(nom, sexe, situation, publics=()):
        return fse.Participant(nom, nom, "X", sexe, date(1990, 1, 1), "cite_3_4", tuple(publics), date(2026, 3, 1),
                               "PLIE", None, situation)

    participants = [p("A", "femme", "chomeur"), p("B", "homme", "chomeur_longue_duree"),
                    p("C", "femme", "inconnu", ["deld"]), p("D", "homme", "emploi", ["deld"]),
                    p("E", "femme", "inactif"), p("F", "homme", "inconnu")]
    lignes = {l.code: (l.par_sexe, l.total) for l in fse.tableau_fse(participants)}
    assert lignes["chomeur"] == ({"femme": 2, "homme": 1, "non_renseigne": 0}, 3)       # A, B, C
    assert lignes["chomeur_longue_duree"] == ({"femme": 1, "homme": 1, "non_renseigne": 0}, 2)  # B, C
    assert lignes["en_emploi"][1] == 1 and lignes["inactif"][0]["femme"] == 1
    assert lignes["situation_inconnue"] == ({"femme": 0, "homme": 1, "non_renseigne": 0}, 1)   # F
    assert [(q.nom, m) for q, m in fse.completude(participants)] == [
        ("F", ["situation sur le marché du travail à l'entrée"])]
