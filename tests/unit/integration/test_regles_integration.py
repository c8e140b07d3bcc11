"""Pure rules of the intégration (CP14): the schedule of follow-ups, the trial period's
legal maximum per contract type, follow-ups never before the start."""
from __future__ import annotations

from datetime import date

from cipdesk.integration.points.rules import Jalon, echeancier, manque, plus_mois, proposition_sortie, verifier_point
from cipdesk.integration.suivis.rules import TypeContrat, verifier_essai


def test_echeancier_par_defaut_j15_m1_m3_fin_essai_m6_dans_l_ordre():
    points = echeancier(date(2026, 1, 31), date(2026, 3, 31))
    assert points == [(Jalon.J15, date(2026, 2, 15)), (Jalon.M1, date(2026, 2, 28)), (Jalon.FIN_ESSAI, date(2026, 3, 31)),
                      (Jalon.M3, date(2026, 4, 30)), (Jalon.M6, date(2026, 7, 31))]


def test_echeancier_sans_periode_d_essai():
    assert [j for j, _ in echeancier(date(2026, 5, 4), None)] == [Jalon.J15, Jalon.M1, Jalon.M3, Jalon.M6]


def test_plus_mois_fin_de_mois_et_annee():
    assert plus_mois(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert plus_mois(date(2027, 12, 15), 1) == date(2028, 1, 15)


def test_essai_trop_long_pour_un_cdd_court_avertit_avec_la_regle():
    erreurs = verifier_essai(TypeContrat.CDD_COURT, date(2026, 1, 5), date(2026, 2, 5))
    assert "plus longue que la loi" in erreurs["fin_periode_essai"] and "L1242-10" in erreurs["fin_periode_essai"]


def test_essai_dans_la_limite_et_fin_avant_debut():
    assert verifier_essai(TypeContrat.CDI, date(2026, 1, 5), date(2026, 3, 4)) == {}
    assert "précéder" in verifier_essai(TypeContrat.CDI, date(2026, 1, 5), date(2026, 1, 1))["fin_periode_essai"]
    assert "Pas de période d'essai" in verifier_essai(TypeContrat.CREATION, date(2026, 1, 5),
                                                       date(2026, 1, 9))["fin_periode_essai"]


def test_point_pas_avant_le_debut_ni_dans_le_futur():
    debut, aujourd_hui = date(2026, 3, 2), date(2026, 4, 1)
    assert "précéder le début" in verifier_point(debut, date(2026, 3, 1), aujourd_hui)["fait_le"]
    assert "futur" in verifier_point(debut, date(2026, 4, 2), aujourd_hui)["fait_le"]
    assert verifier_point(debut, date(2026, 3, 17), aujourd_hui) == {}


def test_point_manque_le_lendemain_de_sa_date():
    assert not manque(date(2026, 3, 2), None, date(2026, 3, 2))
    assert manque(date(2026, 3, 2), None, date(2026, 3, 3))
    assert not manque(date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 10))


def test_proposition_de_sortie_a_m3_et_m6_seulement():
    assert proposition_sortie(Jalon.M3, "cdi", True) == "durable"
    assert proposition_sortie(Jalon.M6, "interim", True) == "transition"
    assert proposition_sortie(Jalon.M6, "alternance", True) == "positive"
    assert proposition_sortie(Jalon.M1, "cdi", True) is None
    assert proposition_sortie(Jalon.M3, "cdi", False) is None
