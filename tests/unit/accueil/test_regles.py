"""Rules of the accueil module: urgencies must be answered, diagnostic versions,
duplicates, dates, comparison and « distance parcourue » (no database)."""
from __future__ import annotations

from datetime import date

import pytest

from cipdesk.accueil.accueils import rules as regles_accueil
from cipdesk.accueil.diagnostic import rules as regles_diagnostic
from cipdesk.accueil.diagnostic.rules import EtatDimension
from cipdesk.personnes import rules as regles_personnes
from cipdesk.competences.services import codes_pour
from cipdesk.modules import declarations, installer
from cipdesk.referentiel import CODES_COMPETENCES

AUJ = date(2026, 11, 23)


# -- urgences -------------------------------------------------------------------------
def test_une_urgence_reperee_sans_action_est_refusee():
    message = regles_accueil.erreur_reponse_urgence(True, "  ", differee=False)
    assert message and "action immédiate" in message


def test_une_urgence_reperee_avec_action_est_acceptee_et_traitee():
    assert regles_accueil.erreur_reponse_urgence(True, "Appel au 115 : place obtenue ce soir.", False) is None
    assert regles_accueil.urgence_est_traitee("Appel au 115 : place obtenue ce soir.")


def test_une_urgence_differee_explicitement_reste_ouverte():
    assert regles_accueil.erreur_reponse_urgence(True, "", differee=True) is None
    assert not regles_accueil.urgence_est_traitee("")


def test_pas_d_urgence_pas_d_exigence():
    assert regles_accueil.erreur_reponse_urgence(False, "", False) is None


# -- doublons ---------------------------------------------------------------------------
@pytest.mark.parametrize("autre, attendu", [
    (("DUPONT", "Élodie", date(1990, 1, 2)), True),
    (("Élodie", "Dupont", date(1990, 1, 2)), True),          # names swapped
    (("dupont", "elodie", date(1990, 1, 2)), True),
    (("Dupont", "Élodie", date(1990, 1, 3)), False),
    (("Dupond", "Élodie", date(1990, 1, 2)), False),
    (("Dupont", "Élodie", None), False),
])
def test_doublon_probable(autre, attendu):
    assert regles_personnes.est_doublon_probable(("Dupont", "Elodie", date(1990, 1, 2)), autre) is attendu


# -- dates ------------------------------------------------------------------------------
def test_dates_futures_et_naissances_impossibles():
    assert "futur" in regles_accueil.erreur_date_passee(date(2026, 11, 24), AUJ)
    assert regles_accueil.erreur_date_passee(AUJ, AUJ) is None
    assert "obligatoire" in regles_accueil.erreur_date_passee(None, AUJ)
    assert "futur" in regles_personnes.erreur_date_naissance(date(2027, 1, 1), AUJ)
    assert "vérifiez" in regles_personnes.erreur_date_naissance(date(1900, 1, 1), AUJ)
    assert "âge minimum" in regles_personnes.erreur_date_naissance(date(2020, 1, 1), AUJ)
    assert regles_personnes.erreur_date_naissance(date(1990, 1, 1), AUJ) is None
    assert regles_accueil.erreur_rdv(date(2026, 11, 22), AUJ) and regles_accueil.erreur_rdv(AUJ, AUJ) is None


# -- versions du diagnostic -------------------------------------------------------------
def _dim(code, frein=0, atout=0, texte=""):
    return EtatDimension(code, code.capitalize(), situation=texte, frein_niveau=frein, atout_niveau=atout)


def test_une_seule_version_en_cours_a_la_fois():
    assert regles_diagnostic.erreur_nouvelle_version(["valide", "valide"]) is None
    assert "déjà en cours" in regles_diagnostic.erreur_nouvelle_version(["valide", "brouillon"])
    assert regles_diagnostic.numero_suivant([]) == 1 and regles_diagnostic.numero_suivant([1, 2]) == 3


def test_une_version_validee_ne_se_modifie_plus():
    assert "ne se modifie plus" in regles_diagnostic.erreur_modification("valide")
    assert regles_diagnostic.erreur_modification("brouillon") is None


def test_validation_exige_date_mode_et_contenu():
    erreurs = regles_diagnostic.erreurs_validation(statut="brouillon", dimensions=[], valide_le=None,
                                       date_diagnostic=AUJ, mode=None, aujourd_hui=AUJ)
    assert set(erreurs) == {"valide_le", "validation_mode"}
    erreurs = regles_diagnostic.erreurs_validation(statut="brouillon", dimensions=[_dim("mobilite", 2)],
                                       valide_le=date(2026, 11, 1), date_diagnostic=date(2026, 11, 20),
                                       mode="orale", aujourd_hui=AUJ)
    assert "précéder" in erreurs["valide_le"]
    assert regles_diagnostic.erreurs_validation(statut="brouillon", dimensions=[_dim("mobilite", 2)], valide_le=AUJ,
                                    date_diagnostic=AUJ, mode="orale", aujourd_hui=AUJ) == {}
    assert "déjà validée" in regles_diagnostic.erreurs_validation(statut="valide", dimensions=[_dim("m", 1)], valide_le=AUJ,
                                                      date_diagnostic=AUJ, mode="orale", aujourd_hui=AUJ)["valide_le"]


def test_comparer_deux_versions():
    lignes = regles_diagnostic.comparer([_dim("mobilite", 3, 0, "Pas de permis")],
                            [_dim("mobilite", 1, 2, "Code obtenu"), _dim("sante", 2)])
    assert [l.code for l in lignes] == ["mobilite", "sante"]
    mobilite = {libelle: (a, b, change) for libelle, a, b, change in lignes[0].champs}
    assert mobilite["Niveau de frein"] == (3, 1, True)
    assert mobilite["Situation"] == ("Pas de permis", "Code obtenu", True)
    assert mobilite["Besoins"][2] is False
    assert lignes[1].champs[4] == ("Niveau de frein", None, 2, True)


def test_distance_parcourue():
    v1 = [_dim("mobilite", 3, 0), _dim("logement", 2, 1)]
    v2 = [_dim("mobilite", 2, 1)]
    v3 = [_dim("mobilite", 1, 2), _dim("logement", 0, 2)]
    t = {x.code: x for x in regles_diagnostic.distance_parcourue([v1, v2, v3])}
    assert t["mobilite"].freins == (3, 2, 1) and t["mobilite"].evolution_frein == -2
    assert t["logement"].freins == (2, None, 0) and t["logement"].evolution_atout == 1
    assert "non évalué" in t["logement"].texte([1, 2, 3])
    points = regles_diagnostic.points_svg((3, None, 0))
    assert len(points) == 2 and points[0][1] < points[1][1]   # level 3 drawn above level 0


# -- compétences --------------------------------------------------------------------------
def test_table_des_competences():
    installer()
    for objet_type in ("accueil", "diagnostic", "synthese", "orientation", "reunion_information", "urgence"):
        assert set(codes_pour(objet_type)) <= set(CODES_COMPETENCES)
    assert all(r.justification.strip() for m in declarations() for r in m.preuves)
    with pytest.raises(KeyError):
        codes_pour("inconnu")
