"""The ★ non-discrimination check of an offer (offres/rules.py): what must be flagged,
what must not, the explanation and proposal of each flag, justifications."""
from __future__ import annotations

import pytest

from cipdesk.employeurs.offres.rules import (REGLES, non_resolus, verifier_intitule_genre, verifier_justification,
                                             verifier_offre, verifier_texte)


def codes(texte):
    return [s.code for s in verifier_texte(texte)]


@pytest.mark.parametrize("texte, code", [
    ("Nous recherchons un jeune dynamique", "age_jeune"),
    ("Poste idéal pour jeunes diplômés", "age_jeune"),
    ("Candidat de moins de 30 ans", "age_limite"),
    ("Profil 25-35 ans", "age_limite"),
    ("âgé de 20 à 30 ans", "age_limite"),
    ("45 ans maximum", "age_limite"),
    ("Profil junior", "age_profil"),
    ("Poste réservé aux hommes", "sexe_explicite"),
    ("Femme de ménage", "sexe_metier_genre"),
    ("Nationalité française exigée", "origine_nationalite"),
    ("Français de naissance", "origine_nationalite"),
    ("Bonne présentation exigée", "apparence"),
    ("Physique agréable", "apparence"),
    ("Sans tatouage ni piercing", "apparence"),
    ("Célibataire, sans enfant", "situation_famille"),
    ("Pas de femme enceinte", "situation_famille"),
    ("En bonne santé", "sante"),
    ("Personne sans handicap", "sante"),
    ("Habitant à Arles de préférence", "residence"),
    ("Résider à moins de 10 km", "residence"),
    ("Pas de candidats du quartier", "residence"),
    ("Anglais courant", "langue"),
    ("Français langue maternelle", "langue"),
    ("Non syndiqué", "convictions"),
    ("Compte bancaire en France", "nom_banque"),
])
def test_signale(texte, code):
    assert code in codes(texte), verifier_texte(texte)


@pytest.mark.parametrize("texte", [
    "3 ans d'expérience souhaités",
    "Plus de 10 ans d'expérience en logistique",
    "Entre 2 et 5 ans d'ancienneté dans le métier",
    "Débutant accepté, formation assurée",
    "Autorisation de travail en France requise",
    "Tenue professionnelle fournie",
    "Port de charges jusqu'à 15 kg, station debout prolongée",
    "Poste basé à Arles, prise de poste à 6 h",
    "Permis B exigé pour les livraisons",
    "CDI 35 h, travail un samedi sur deux",
    "Appellation d'origine contrôlée : connaissance des vins",
    "Français courant à l'oral",
])
def test_ne_signale_pas(texte):
    assert verifier_texte(texte) == []


def test_chaque_signalement_explique_la_regle_et_propose_une_formulation():
    for regle in REGLES:
        assert "L11" in regle.explication, regle.code  # cites the Code du travail
        assert regle.proposition
    s = verifier_texte("Jeune et dynamique")[0]
    assert s.extrait == "Jeune" and s.critere == "âge" and (s.debut, s.fin) == (0, 5)
    assert "L1132-1" in s.explication and "Débutant" in s.proposition


@pytest.mark.parametrize("intitule, signale", [
    ("Vendeur", True),
    ("Serveuse", True),
    ("Magasinier cariste", True),
    ("Vendeur (H/F)", False),
    ("Vendeur H/F", False),
    ("Vendeuse F/H", False),
    ("Vendeur / Vendeuse", False),
    ("Employé(e) polyvalent", False),
    ("Conseiller·ère de vente", False),
    ("Secrétaire", False),   # épicène
    ("Manutentionnaire", False),
    ("Agent d'entretien", True),
])
def test_intitule_genre(intitule, signale):
    resultat = verifier_intitule_genre(intitule)
    assert bool(resultat) is signale, resultat
    if signale:
        assert "(H/F)" in resultat[0].proposition and "L1142-1" in resultat[0].explication


def test_verifier_offre_regarde_intitule_et_texte():
    resultat = verifier_offre("Vendeur", "Jeune, bonne présentation")
    assert [(s.champ, s.code) for s in resultat] == [
        ("intitule", "sexe_intitule"), ("texte", "age_jeune"), ("texte", "apparence")]


def test_une_exigence_justifiee_n_est_plus_ouverte():
    signalements = verifier_offre("Chauffeur livreur (H/F)", "Anglais courant, allemand apprécié")
    assert [s.code for s in signalements] == ["langue", "langue"]
    justifiees = {signalements[0].cle}
    assert [s.extrait for s in non_resolus(signalements, justifiees)] == ["allemand"]


def test_justification_ecrite_obligatoire():
    assert verifier_justification("") is not None
    assert verifier_justification("parce que") is not None
    assert verifier_justification("Livraisons quotidiennes en Allemagne : échanges avec les clients allemands.") is None
