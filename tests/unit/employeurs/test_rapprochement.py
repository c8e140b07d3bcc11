"""Matching offer ↔ person (issue #13 point 6, REAC CP13 « Rapprocher l'offre et la
demande »): never a rank without its reasons; availability, licence, hours, distance and
mobility, and the diagnostic's open freins that matter for the job."""
from __future__ import annotations

from datetime import date

from cipdesk.employeurs.profils.rules import Exigences, Situation, distance, evaluer

J = date(2026, 12, 1)
OFFRE = Exigences(rome_code="N1103", permis=frozenset({"caces"}), horaires=frozenset({"tot"}),
                  code_postal="59000", commune="Lille")
PROJET = (("N1103", "Magasinier", True, "realiste"),)


def test_hors_du_projet_pas_de_rapprochement():
    assert not evaluer(OFFRE, Situation(metiers=(("K1801", "CIP", True, "realiste"),)), J).retenu
    assert not evaluer(OFFRE, Situation(metiers=(("N1105", "Manutention", True, "non_retenue"),)), J).retenu
    assert not evaluer(Exigences(rome_code=""), Situation(metiers=PROJET), J).retenu


def test_chaque_rang_a_ses_raisons_et_ses_points_a_verifier():
    ideal = evaluer(OFFRE, Situation(metiers=PROJET, code_postal="59000", commune="Lille", disponible_le=J,
                                     permis=frozenset({"caces", "b"}), vehicule=True, zone="departement"), J)
    assert ideal.retenu and ideal.rang == (0, 0, 0, 0) and ideal.vigilances == []
    assert ideal.raisons == ["Le projet vise ce métier : Magasinier (N1103).", "Projet professionnel validé.",
                             "Faisabilité jugée réaliste.", "Disponible dès maintenant.",
                             "CACES (chariots, engins) demandé : la personne l'a.", "Travail dans sa commune."]
    loin = evaluer(OFFRE, Situation(metiers=PROJET, code_postal="62300", commune="Lens", disponible_le=date(2027, 1, 4),
                                    permis=frozenset(), vehicule=False, zone="commune",
                                    contraintes=frozenset({"tot"}),
                                    freins=(("mobilite", "Mobilité", 3), ("confiance", "Confiance en soi", 2))), J)
    assert loin.retenu and loin.rang > ideal.rang
    assert loin.vigilances == [
        "Disponible à partir du 04/01/2027.", "CACES (chariots, engins) demandé : la personne ne l'a pas.",
        "Prise de poste tôt (avant 7 h) : la personne a dit ne pas pouvoir.",
        "Au-delà de la mobilité déclarée (dans sa commune seulement).",
        "Frein bloquant au diagnostic : Mobilité."]   # confiance en soi does not decide a job match
    assert "Travail hors de son département." in loin.raisons


def test_ce_qui_n_est_pas_renseigne_est_dit_a_verifier():
    r = evaluer(OFFRE, Situation(metiers=(("N1105", "Manutentionnaire", False, "a_evaluer"),)), J)
    assert r.retenu and "même domaine professionnel ROME (N11)" in r.raisons[0]
    assert r.vigilances == ["Disponibilité non renseignée : à vérifier avec la personne.",
                            "CACES (chariots, engins) demandé : permis de la personne non renseignés.",
                            "Distance inconnue (adresse de la personne ou du lieu de travail manquante)."]


def test_distance_par_le_code_postal():
    assert distance("59000", "Lille", "59000", "lille ") == 0
    assert distance("59000", "Lille", "59100", "Roubaix") == 1
    assert distance("59000", "Lille", "62300", "Lens") == 2
    assert distance("97400", "Saint-Denis", "97410", "Saint-Pierre") == 1
    assert distance("97400", "Saint-Denis", "97200", "Fort-de-France") == 2
    assert distance("", "", "59000", "Lille") is None
