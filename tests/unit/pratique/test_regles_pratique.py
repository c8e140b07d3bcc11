"""Pure rules of « Ma pratique »: the input rules and CP11 criteria of an analysis, the names
of the caseload, the workload indicators (no database)."""
from __future__ import annotations

from datetime import date

from cipdesk.pratique.analyses import rules
from cipdesk.pratique.analyses.rules import NomSurveille
from cipdesk.pratique.prevention import rules as prevention

J = date(2026, 12, 1)
PLEINE = {"titre": "T", "situation": "S", "faits": "F", "opinions": "O", "emotions": "E", "facteurs": "FD",
          "points_forts": "PF", "difficultes": "D", "ajustements": "A", "autrement": "Au"}


def test_une_analyse_vide_est_refusee_rubrique_par_rubrique():
    erreurs = rules.erreurs_de_saisie({r: "" for r in rules.RUBRIQUES}, None, J)
    assert set(erreurs) == {"titre", "situation", "faits", "situation_le"}
    assert "ne peut pas être vide" in erreurs["situation"]


def test_une_situation_future_est_refusee_et_une_rubrique_trop_longue_aussi():
    erreurs = rules.erreurs_de_saisie({**PLEINE, "opinions": "x" * (rules.LONGUEUR_MAX + 1)}, date(2026, 12, 2), J)
    assert erreurs == {"situation_le": "La situation analysée ne peut pas être dans le futur.",
                       "opinions": f"{rules.LONGUEUR_MAX} caractères au plus."}
    assert rules.erreurs_de_saisie(PLEINE, J, J) == {}


def test_criteres_cp11_manquants():
    assert rules.criteres_manquants(PLEINE) == []
    manquants = rules.criteres_manquants({**PLEINE, "emotions": " ", "facteurs": "", "ajustements": ""})
    # A1 needs faits, opinions AND émotions; A4 is answered by « ce que je ferai autrement » alone
    assert [c.code for c in manquants] == ["A1", "A2"]
    assert manquants[0].libelle == "La description de la situation distingue les faits, les opinions et les émotions"


def test_noms_de_la_file_active_sans_accents_ni_casse():
    file_active = [NomSurveille("dupont martin", "elodie"), NomSurveille("benali", "karim"), NomSurveille("li", "wei")]
    trouves = rules.noms_cites({
        "faits": "Mme DUPONT-MARTIN arrive en retard.", "opinions": "Je pense que Bénali hésite.",
        "emotions": "Élodie D. m'a touchée.", "facteurs": "Karim a peur.", "difficultes": "Il lit le document.",
        "ajustements": "Wei Li viendra."}, file_active)
    assert trouves == {"faits": ["dupont martin"], "opinions": ["benali"], "emotions": ["elodie d."],
                       "ajustements": ["li"]}
    # a first name alone, a two-letter word inside a sentence: not flagged
    assert "facteurs" not in trouves and "difficultes" not in trouves
    assert "« benali »" in rules.message_noms(trouves)


def test_un_mot_d_un_nom_compose_suffit():
    assert rules.noms_cites({"faits": "Madame Martin est venue."}, [NomSurveille("dupont martin", "elodie")]) == \
        {"faits": ["martin"]}


def test_norme_semaine_et_signaux_de_charge():
    assert prevention.norme_de({"norme_file_active": "35"}) == (35, True)
    assert prevention.norme_de({"norme_file_active": "zéro"}) == (prevention.NORME_PAR_DEFAUT, False)
    assert prevention.norme_de(None) == (prevention.NORME_PAR_DEFAUT, False)
    assert prevention.semaine_de(date(2026, 12, 3)) == (date(2026, 11, 30), date(2026, 12, 6))
    normale = prevention.Charge(file_active=30, norme=35, norme_fixee=True, entretiens_semaine=12, en_retard=2)
    assert prevention.signaux(normale) == []
    lourde = prevention.Charge(file_active=49, norme=35, norme_fixee=True, entretiens_semaine=23, en_retard=11)
    assert lourde.taux == 140
    assert prevention.signaux(lourde) == [
        "File active au-dessus de la norme : 49 personnes pour 35 (140 %).",
        "23 entretiens cette semaine (repère : 20 au plus).", "11 éléments en retard (repère : 10 au plus)."]


def test_incident_date_future_nature_et_contexte():
    assert prevention.erreurs_incident(date(2026, 12, 2), "", " ", J) == {
        "survenu_le": "La date de l'incident ne peut pas être dans le futur.",
        "nature": "Choisissez la nature de l'incident.",
        "contexte": "Décrivez le contexte de l'incident (sans nom de personne)."}
    assert prevention.erreurs_incident(J, "menace", "À l'accueil", J) == {}
