"""Pure rules of the territoire module (issue #15): figures with their source, what a version
changed, veille dates and reminders, web addresses, duplicates, stale fiches, the cartography."""
from __future__ import annotations

from datetime import date

import pytest

from cipdesk.territoire.partenaires.rules import BilanPartenaire, a_verifier, doublon, nom_normalise, valider_url
from cipdesk.territoire.profil.rules import Chiffre, changements, erreurs_de_ligne, lire_valeur, valeur_affichee
from cipdesk.territoire.reseau.rules import cartographie, hauteur
from cipdesk.territoire.veille.rules import erreurs_de_dates, etat_echeance, lire_etiquettes

AUJ = date(2026, 11, 30)


@pytest.mark.parametrize("saisie, attendu", [("8,9", "8.9"), ("1 234 567", "1234567"), ("12.50", "12.5"),
                                              ("\u202f3\u202f400", "3400"), ("-2,0", "-2")])
def test_lire_valeur(saisie, attendu):
    assert lire_valeur(saisie) == attendu


@pytest.mark.parametrize("saisie", ["beaucoup", "", "8,9 %", "nan", "inf"])
def test_lire_valeur_refuse_ce_qui_n_est_pas_un_nombre(saisie):
    with pytest.raises(ValueError, match="Saisissez un nombre"):
        lire_valeur(saisie)


def test_valeur_affichee_au_format_francais():
    assert valeur_affichee("1190000") == "1\u202f190\u202f000"
    assert valeur_affichee("9.4") == "9,4"
    assert valeur_affichee("-12500.5") == "-12\u202f500,5"


def test_un_chiffre_sans_source_est_refuse():
    erreurs = erreurs_de_ligne("economique", "Taux de chômage", "9,4", "", date(2026, 3, 31), AUJ)
    assert set(erreurs) == {"source"}
    assert "sans source" in erreurs["source"]


def test_une_ligne_vide_n_est_pas_une_erreur_une_ligne_entamee_si():
    assert erreurs_de_ligne("", "", "", "", None, AUJ) == {}
    erreurs = erreurs_de_ligne("", "Population", "", "", None, AUJ)
    assert set(erreurs) == {"theme", "valeur", "source", "date_source"}


def test_date_de_donnee_future_refusee():
    assert "futur" in erreurs_de_ligne("social", "Population", "10", "INSEE", date(2027, 1, 1), AUJ)["date_source"]


def _version(**kw):
    base = {"territoire": "Lille", "forces": "Logistique", "faiblesses": "", "ressources": "",
            "chiffres": [Chiffre("economique", "Taux de chômage", "9.4", "%", "France Travail", date(2026, 3, 31)).en_json()]}
    base.update(kw)
    return base


def test_changements_entre_deux_versions():
    avant = _version()
    apres = _version(forces="Logistique, soin", chiffres=[
        Chiffre("economique", "Taux de chômage", "9.1", "%", "France Travail", date(2026, 6, 30)).en_json(),
        Chiffre("social", "Population", "1190000", "habitants", "INSEE", date(2025, 1, 1)).en_json()])
    quoi = {(c.quoi, c.nature) for c in changements(avant, apres)}
    assert quoi == {("Forces", "modifié"), ("Taux de chômage", "modifié"), ("Population", "ajouté")}
    chomage = next(c for c in changements(avant, apres) if c.quoi == "Taux de chômage")
    assert "9,4" in chomage.avant and "9,1" in chomage.apres and "30/06/2026" in chomage.apres
    assert [(c.quoi, c.nature) for c in changements(apres, avant)][-1] == ("Population", "retiré")
    assert changements(avant, _version()) == []
    assert changements(None, avant)[0].nature == "créé"


def test_date_de_revision_avant_la_date_de_la_fiche():
    erreurs = erreurs_de_dates(date(2026, 10, 1), date(2026, 9, 1), AUJ)
    assert "avant la date de la fiche" in erreurs["echeance"]
    assert erreurs_de_dates(date(2026, 10, 1), date(2026, 10, 1), AUJ) == {}
    assert "futur" in erreurs_de_dates(date(2026, 12, 25), None, AUJ)["date_fiche"]


def test_etat_de_l_echeance():
    assert etat_echeance(None, AUJ) == ""
    assert etat_echeance(date(2026, 11, 29), AUJ) == "depassee"
    assert etat_echeance(date(2026, 11, 30), AUJ) == "bientot"
    assert etat_echeance(date(2026, 12, 30), AUJ) == "bientot"
    assert etat_echeance(date(2027, 1, 15), AUJ) == "a_venir"


def test_etiquettes():
    assert lire_etiquettes("IAE, jeunes ; Mobilité\n jeunes,, ") == ["iae", "jeunes", "mobilité"]


@pytest.mark.parametrize("saisie", ["www.exemple.fr", "ftp://exemple.fr", "https://", "https://exemple", "javascript:alert(1)",
                                    "https://exemple.fr/a b"])
def test_adresse_web_invalide(saisie):
    with pytest.raises(ValueError, match="Adresse web invalide"):
        valider_url(saisie)


def test_adresse_web_valide():
    assert valider_url(" https://travail-emploi.gouv.fr/cej ") == "https://travail-emploi.gouv.fr/cej"
    assert valider_url("") == ""


def test_doublon_de_partenaire():
    existants = [(1, "CCAS de Lille"), (2, "SIAO du Nord")]
    assert nom_normalise("  Ccas  DE   lille ! ") == "ccas de lille"
    assert doublon("ccas de LILLE", existants) == "CCAS de Lille"
    assert doublon("C.C.A.S. de Lille", existants) is None  # letters differ: not the same name
    assert doublon("CCAS de Lille", existants, soi=1) is None  # editing itself


def test_fiche_partenaire_ancienne():
    assert a_verifier(None, AUJ)
    assert a_verifier(date(2025, 11, 29), AUJ)
    assert not a_verifier(date(2025, 11, 30), AUJ)


def test_cartographie_et_manques():
    domaines = [("logement", "Logement"), ("sante", "Santé"), ("mobilite", "Mobilité"), ("emploi", "Emploi")]
    partenaires = [("a", "SIAO", ["logement"]), ("b", "CMP", ["sante"]), ("c", "Auto-école", ["mobilite", "hors_liste"])]
    bilans = {"a": BilanPartenaire(total=3, acceptees=1, refusees=1), "b": BilanPartenaire(total=2)}
    carte = {d.code: d for d in cartographie(domaines, partenaires, bilans)}
    assert carte["logement"].manque == "" and carte["logement"].repondues == 2 and carte["logement"].orientations == 3
    assert carte["sante"].manque == "Aucune orientation n'a reçu de réponse"
    assert carte["mobilite"].manque == "Aucune orientation vers ce domaine"
    assert carte["emploi"].manque == "Aucun partenaire actif dans ce domaine"
    assert carte["logement"].partenaires[0].bilan.en_attente == 1
    assert hauteur(list(carte.values())) > carte["emploi"].y
