"""Issue 4: pure rules of the parcours (no database)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from cipdesk.accueil.queries import FreinResume
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat import rules as contrat
from cipdesk.parcours.etapes import rules as etapes
from cipdesk.parcours.projet.rules import Faisabilite, metiers_rome, verifier_metier, verifier_validation
from cipdesk.parcours.sortie import rules as sortie
from cipdesk.parcours.sortie.rules import CategorieSortie as C
from cipdesk.parcours.etapes.rules import StatutEtape as S


@dataclass
class E:
    frein_dimension_code: str = ""
    objectif: str = ""
    statut: S = S.PREVUE


def frein(code, ouvert=True):
    return FreinResume(code, code.capitalize(), 2, f"frein {code}", ouvert)


def test_coherence_signale_les_freins_sans_etape():
    c = etapes.coherence([frein("mobilite"), frein("logement"), frein("sante", ouvert=False)],
                        [E("mobilite"), E(objectif="Emploi")])
    assert [f.dimension_code for f in c.freins_couverts] == ["mobilite"]
    assert [f.dimension_code for f in c.freins_sans_etape] == ["logement"]  # a lifted frein is not pointed out
    assert not c.complete and c.etapes_sans_lien == ()


def test_une_etape_annulee_ne_couvre_pas_un_frein():
    c = etapes.coherence([frein("mobilite")], [E("mobilite", statut=S.ANNULEE)])
    assert [f.dimension_code for f in c.freins_sans_etape] == ["mobilite"]


def test_coherence_cite_le_critere_du_rc():
    assert etapes.CRITERE_COHERENCE == \
        "Les étapes du parcours sont en cohérence avec le diagnostic partagé et son évolution"


@pytest.mark.parametrize("avant,apres,ok", [
    (S.PREVUE, S.EN_COURS, True), (S.PREVUE, S.REALISEE, True), (S.EN_COURS, S.REPORTEE, True),
    (S.REPORTEE, S.EN_COURS, True), (S.REALISEE, S.EN_COURS, False), (S.ANNULEE, S.PREVUE, False),
    (S.EN_COURS, S.PREVUE, False), (S.ABANDONNEE, S.PREVUE, True),
])
def test_machine_a_etats_des_etapes(avant, apres, ok):
    if ok:
        etapes.verifier_transition(avant, apres)
    else:
        with pytest.raises(ErreurMetier):
            etapes.verifier_transition(avant, apres)


def test_chaque_statut_a_sa_ligne_dans_la_table():
    assert set(etapes.TRANSITIONS_ETAPE) == set(S)


def test_une_etape_ne_peut_pas_etre_realisee_dans_le_futur():
    with pytest.raises(ErreurMetier) as exc:
        etapes.verifier_realisation(S.REALISEE, date(2026, 12, 2), date(2026, 12, 1))
    assert exc.value.champ == "le"
    etapes.verifier_realisation(S.REALISEE, date(2026, 12, 1), date(2026, 12, 1))
    etapes.verifier_realisation(S.REPORTEE, date(2027, 1, 1), date(2026, 12, 1))


def test_les_dates_ont_un_sens():
    with pytest.raises(ErreurMetier):
        contrat.verifier_dates_contrat(date(2026, 5, 1), date(2026, 4, 1))
    with pytest.raises(ErreurMetier):
        etapes.verifier_echeance(date(2026, 5, 1), date(2026, 4, 30))
    with pytest.raises(ErreurMetier):
        sortie.verifier_date_sortie(date(2026, 5, 1), date(2026, 4, 1), date(2026, 6, 1))
    with pytest.raises(ErreurMetier):
        sortie.verifier_date_sortie(date(2026, 5, 1), date(2026, 7, 1), date(2026, 6, 1))
    sortie.verifier_date_sortie(date(2026, 5, 1), date(2026, 5, 20), date(2026, 6, 1))


def test_reajustement_ne_garde_que_ce_qui_change():
    avant = {"intitule": "CACES", "echeance": date(2026, 3, 1), "partenaire": ""}
    apres = {"intitule": "CACES", "echeance": date(2026, 4, 1), "partenaire": "AFPA"}
    assert etapes.differences(avant, apres) == {"echeance": ["01/03/2026", "01/04/2026"], "partenaire": ["", "AFPA"]}


@pytest.mark.parametrize("motif,categorie,dynamique", [
    ("cdi", C.EMPLOI_DURABLE, True), ("cdd_6_mois_plus", C.EMPLOI_DURABLE, True),
    ("cdd_moins_6_mois", C.EMPLOI_TRANSITION, True), ("formation", C.SORTIE_POSITIVE, True),
    ("chomage", C.AUTRES, False), ("sans_nouvelles", C.AUTRES, False), ("deces", C.RETRAITS, False),
])
def test_categories_de_sortie(motif, categorie, dynamique):
    assert sortie.categorie_de(motif) == categorie
    assert sortie.est_sortie_dynamique(categorie) is dynamique


def test_chaque_categorie_a_au_moins_un_motif_et_un_motif_inconnu_est_refuse():
    assert {cat for _l, cat in sortie.MOTIFS_SORTIE.values()} == set(C)
    with pytest.raises(ErreurMetier):
        sortie.categorie_de("licenciement_imaginaire")


def test_suivis_a_3_et_6_mois():
    assert sortie.echeances_suivi(date(2026, 8, 31)) == {3: date(2026, 11, 30), 6: date(2027, 2, 28)}


def test_regles_des_alertes():
    jour = date(2026, 6, 15)
    assert etapes.est_en_retard(S.EN_COURS, date(2026, 6, 14), jour)
    assert not etapes.est_en_retard(S.REALISEE, date(2026, 6, 14), jour)
    assert not etapes.est_en_retard(S.PREVUE, date(2026, 6, 15), jour)
    assert contrat.jours_sans_contact(date(2026, 5, 1), jour) == 45
    assert contrat.fin_de_contrat_proche(date(2026, 7, 15), jour)
    assert not contrat.fin_de_contrat_proche(date(2026, 7, 16), jour)


def test_metiers_rome_et_validation_du_projet():
    assert metiers_rome()["K1801"] == "Conseil en emploi et insertion socioprofessionnelle"
    assert all(len(c) == 5 and c[0].isalpha() and c[1:].isdigit() for c in metiers_rome())
    assert verifier_metier("n1103", "") == ("N1103", "Magasinage et préparation de commandes")
    assert verifier_metier("", "Cariste") == ("", "Cariste")
    with pytest.raises(ErreurMetier):
        verifier_metier("Z0000", "")

    @dataclass
    class M:
        faisabilite: Faisabilite

    with pytest.raises(ErreurMetier):
        verifier_validation([M(Faisabilite.A_EVALUER)], "Préparateur")
    verifier_validation([M(Faisabilite.REALISTE)], "Préparateur")


def test_verrouillage_optimiste_refuse_une_version_perimee():
    from types import SimpleNamespace

    from cipdesk.parcours.contrat.services import verifier_version

    etape = SimpleNamespace(version=3)
    verifier_version(etape, 3, "Cette étape")
    for perimee in (2, None):
        with pytest.raises(ErreurMetier) as exc:
            verifier_version(etape, perimee, "Cette étape")
        assert exc.value.champ == "version" and "Votre saisie est conservée" in exc.value.message


def test_etape_atelier_apres_une_presence():
    """Issue #12: attendance moves the étape « atelier » (en cours, then réalisée at the last
    half-day); an absence or a closed étape changes nothing."""
    apres = etapes.statut_apres_presence
    assert apres(S.PREVUE, venu=True, derniere=False) == S.EN_COURS
    assert apres(S.REPORTEE, venu=True, derniere=False) == S.EN_COURS
    assert apres(S.EN_COURS, venu=True, derniere=False) is None
    assert apres(S.PREVUE, venu=True, derniere=True) == S.REALISEE
    assert apres(S.EN_COURS, venu=True, derniere=True) == S.REALISEE
    assert apres(S.PREVUE, venu=False, derniere=True) is None
    for ferme in (S.REALISEE, S.ABANDONNEE, S.ANNULEE):
        assert apres(ferme, venu=True, derniere=True) is None
