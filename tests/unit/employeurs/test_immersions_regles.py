"""PMSMP rules: one month at most per convention, renewable once, dates consistent."""
from __future__ import annotations

from datetime import date

from cipdesk.employeurs.immersions.rules import ObjectifPmsmp, plus_un_mois, verifier_convention


def test_un_mois_au_plus():
    assert plus_un_mois(date(2026, 3, 3)) == date(2026, 4, 2)
    assert plus_un_mois(date(2026, 1, 31)) == date(2026, 2, 28)
    assert plus_un_mois(date(2026, 12, 15)) == date(2027, 1, 14)
    assert verifier_convention(date(2026, 3, 3), date(2026, 4, 2), 0) == {}
    erreur = verifier_convention(date(2026, 3, 3), date(2026, 4, 3), 0)["fin"]
    assert erreur.startswith("Une immersion (PMSMP) dure un mois au plus : au plus tard le 02/04/2026")


def test_fin_avant_debut_et_renouvellement_unique():
    assert "fin" in verifier_convention(date(2026, 3, 3), date(2026, 3, 1), 0)
    assert verifier_convention(date(2026, 3, 3), date(2026, 3, 10), 1) == {}
    assert verifier_convention(date(2026, 3, 3), date(2026, 3, 10), 2) == {
        "renouvelle_id": "Une immersion ne se renouvelle qu'une fois."}


def test_trois_objectifs_legaux():
    assert len(ObjectifPmsmp) == 3
