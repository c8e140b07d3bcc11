"""Evaluation of a prospection action: gaps measured, causes required for a missed target."""
from __future__ import annotations

from datetime import date

from cipdesk.employeurs.prospection.rules import Indicateur, ecarts, verifier_evaluation, verifier_periode


def test_ecarts_et_taux():
    lignes = ecarts({"contacts": 40, "visites": 10, "offres": 5, "placements": 0},
                    {"contacts": 46, "visites": 6, "offres": 5, "placements": 1})
    assert [(e.indicateur, e.ecart, e.taux, e.atteint) for e in lignes] == [
        (Indicateur.CONTACTS, 6, 115, True), (Indicateur.VISITES, -4, 60, False),
        (Indicateur.OFFRES, 0, 100, True), (Indicateur.PLACEMENTS, 1, None, True)]


def test_causes_exigees_si_objectif_manque():
    lignes = ecarts({"visites": 10}, {"visites": 6})
    assert verifier_evaluation(lignes, "") == {
        "causes_ecarts": "Des objectifs ne sont pas atteints (visites en entreprise) : analysez-en les causes."}
    assert verifier_evaluation(lignes, "Deux semaines d'arrêt du conseiller référent.") == {}
    assert verifier_evaluation(ecarts({"visites": 5}, {"visites": 6}), "") == {}


def test_periode():
    assert verifier_periode(date(2026, 3, 1), date(2026, 2, 1)) == {
        "fin": "La fin de l'action ne peut pas précéder son début."}
    assert verifier_periode(date(2026, 3, 1), date(2026, 3, 1)) == {}
