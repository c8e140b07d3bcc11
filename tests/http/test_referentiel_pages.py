"""« Référentiel » pages show the REAC and the RC from data."""
from __future__ import annotations

from cipdesk.referentiel import get_referentiel


def test_index_montre_activites_et_16_competences(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.chef.email)
    html = nav.get("/referentiel/").get_data(as_text=True)
    ref = get_referentiel("reac-2018")
    for activite in ref.activites:
        assert f"Activité type {activite.numero}" in html
    for comp in ref.competences:
        assert f"/referentiel/competences/{comp.code}" in html
    assert "Compétence transversale" in html


def test_competence_avec_criteres_de_performance_et_d_evaluation(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    page = nav.get("/referentiel/competences/cp6")
    html = page.get_data(as_text=True)
    comp = get_referentiel("reac-2018").competence("CP6")
    assert page.status_code == 200
    assert "Critères de performance (REAC)" in html and "Critères d'évaluation (RC §3.2)" in html
    from markupsafe import escape

    for critere in comp.criteres_performance + comp.criteres_evaluation:
        assert str(escape(critere)) in html
    assert "Deuxième partie" in html  # CP6 is evidenced by part 2 of the dossier


def test_version_2023_et_version_inconnue(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    html = nav.get("/referentiel/competences/CP15?version=titre-2023").get_data(as_text=True)
    assert "inclusive" in html
    assert nav.get("/referentiel/?version=inconnue").status_code == 404
    assert nav.get("/referentiel/competences/CP99").status_code == 404


def test_dossier_sept_parties_et_budgets(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.candidat.email)
    html = nav.get("/referentiel/dossier").get_data(as_text=True)
    dossier = get_referentiel("reac-2018").dossier_titre()
    assert len(dossier.parties) == 7
    assert f"{dossier.pages_min} à {dossier.pages_max} pages" in html
    for partie in dossier.parties:
        assert partie.intitule in html
    for ccp in ("CCP1", "CCP2", "CCP3"):
        assert ccp in html


def test_version_titre_2023_etiquetee_provisoire_partout(nav, fabrique, ctx):
    """Issue #16 « Also fix »: the « titre 2023 » version is not in the seeds (no REAC nor RC 2023):
    it is labelled as provisional wherever it is named, the 2018 version is not."""
    from cipdesk.referentiel import REFERENTIEL_2018, REFERENTIEL_2023

    assert REFERENTIEL_2023.provisoire and not REFERENTIEL_2018.provisoire
    assert REFERENTIEL_2023.intitule_court.endswith("(provisoire)")
    assert "provisoire" not in REFERENTIEL_2018.intitule_court
    monde = fabrique.monde()
    nav.connexion(monde.candidat.email)
    for url in ("/referentiel/?version=titre-2023", "/referentiel/dossier?version=titre-2023",
                "/referentiel/competences/CP1?version=titre-2023"):
        html = nav.get(url).get_data(as_text=True)
        assert "Version provisoire." in html and "ne sont pas dans les sources" in html, url
    assert "Version provisoire." not in nav.get("/referentiel/?version=reac-2018").get_data(as_text=True)
    # The choice list names it provisional; a candidat who chose it is warned on their coverage.
    assert "titre-2023 — TP-00403, millésime 2023 (provisoire)" in nav.get("/referentiel/").get_data(as_text=True)
    assert "Référentiel provisoire." not in nav.get("/competences/").get_data(as_text=True)
    assert nav.post("/competences/profil", {"referentiel": "titre-2023"}).status_code == 303
    assert "Référentiel provisoire." in nav.get("/competences/").get_data(as_text=True)
