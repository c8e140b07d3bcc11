"""« Mes compétences »: coverage, criteria and evidence, manual tags, self-assessment,
readiness, PDF without names, and who may see what."""
from __future__ import annotations

import re
import subprocess
import uuid
from datetime import date

import pytest
from sqlalchemy import select

from cipdesk.competences.models import PreuveCompetence, SourcePreuve
from cipdesk.competences.services import etiqueter


def _activite(ctx, utilisateur, objet_type, codes, le):
    objet_id = uuid.uuid4()
    etiqueter(ctx, utilisateur=utilisateur, objet_type=objet_type, objet_id=objet_id, codes=codes, date_activite=le)
    return objet_id


@pytest.fixture
def candidat_actif(fabrique, ctx):
    monde = fabrique.monde()
    for jour in range(1, 7):
        _activite(ctx, monde.candidat, "entretien", ("CP6",), date(2026, 3, jour))
    _activite(ctx, monde.candidat, "accueil", ("CP1", "CP2"), date(2026, 2, 1))
    _activite(ctx, monde.collegue, "accueil", ("CP1",), date(2026, 2, 2))  # someone else's
    ctx.commit()
    return monde


def test_couverture_comptee_par_competence(nav, candidat_actif):
    nav.connexion(candidat_actif.candidat.email)
    html = nav.get("/competences/").get_data(as_text=True)
    assert "Activité type 1" in html and "Activité type 3" in html and "CT1" in html
    ligne_cp6 = html[html.index(">CP6<"):][:600]
    assert ">6<" in ligne_cp6 and "bien couverte" in ligne_cp6 and "06/03/2026" in ligne_cp6
    ligne_cp1 = html[html.index(">CP1<"):][:600]
    assert ">1<" in ligne_cp1 and "quelques preuves" in ligne_cp1
    assert "aucun atelier enregistré : CP9 et CP10 n&#39;ont pas encore de preuve" in html.replace("Aucun", "aucun")


def test_page_competence_criteres_preuves_et_periode(nav, candidat_actif):
    nav.connexion(candidat_actif.candidat.email)
    html = nav.get("/competences/CP6").get_data(as_text=True)
    assert "Critères de performance (REAC) et d'évaluation (RC §3.2)" in html   # the 6 common ones, once
    assert "Critères de performance (REAC), en plus" in html
    assert "6 activités" in html and html.index("06/03/2026") < html.index("01/03/2026")  # newest first
    filtre = nav.get("/competences/CP6?du=2026-03-03&au=2026-03-04", headers={"HX-Request": "true"})
    frag = filtre.get_data(as_text=True)
    assert frag.lstrip().startswith('<div id="preuves">') and "2 activités sur la période" in frag


def test_rattacher_a_la_main_puis_retirer(nav, candidat_actif, ctx):
    nav.connexion(candidat_actif.candidat.email)
    page = nav.get("/competences/CP5").get_data(as_text=True)
    assert "accueil individuel du 01/02/2026" in page
    accueil = ctx.scalars(select(PreuveCompetence).where(
        PreuveCompetence.utilisateur_id == candidat_actif.candidat.id,
        PreuveCompetence.objet_type == "accueil")).first()
    sans_motif = nav.post("/competences/CP5/preuves", {"activite": f"accueil:{accueil.objet_id}", "motif": ""})
    assert sans_motif.status_code == 422 and "Indiquez pourquoi" in sans_motif.get_data(as_text=True)
    ok = nav.post("/competences/CP5/preuves", {"activite": f"accueil:{accueil.objet_id}",
                                               "motif": "J'ai rédigé le compte rendu de l'accueil"})
    assert ok.status_code == 303
    manuelle = ctx.scalars(select(PreuveCompetence).where(PreuveCompetence.competence_code == "CP5")).one()
    assert manuelle.source == SourcePreuve.MANUEL
    html = nav.get("/competences/CP5").get_data(as_text=True)
    assert "ajoutée à la main : J&#39;ai rédigé" in html
    etrangere = nav.post("/competences/CP5/preuves", {"activite": f"accueil:{uuid.uuid4()}", "motif": "x"})
    assert etrangere.status_code == 422
    retrait = nav.post(f"/competences/preuves/{manuelle.id}/retrait", {"motif": "Erreur de rattachement"},
                       depuis="/competences/CP5")
    assert retrait.status_code == 303
    html = nav.get("/competences/CP5").get_data(as_text=True)
    assert "retirée le" in html and "Erreur de rattachement" in html
    ctx.expire_all()
    assert ctx.get(PreuveCompetence, manuelle.id).retiree_le is not None  # kept, marked
    assert ">0<" in nav.get("/competences/").get_data(as_text=True).split(">CP5<")[1][:400]


def test_auto_evaluation_datee_avec_historique(nav, candidat_actif):
    nav.connexion(candidat_actif.candidat.email)
    url = "/competences/CP6/auto-evaluation"
    assert nav.post(url, {"niveau": "a_travailler", "commentaire": "Premiers contrats",
                          "evalue_le": "2026-01-10"}, depuis="/competences/CP6").status_code == 303
    assert nav.post(url, {"niveau": "acquis", "commentaire": "Trois parcours suivis",
                          "evalue_le": "2026-06-10"}, depuis="/competences/CP6").status_code == 303
    futur = nav.post(url, {"niveau": "acquis", "evalue_le": "2099-01-01"}, depuis="/competences/CP6")
    assert futur.status_code == 422 and "dans le futur" in futur.get_data(as_text=True)
    html = nav.get("/competences/CP6").get_data(as_text=True)
    assert html.index("10/06/2026") < html.index("10/01/2026")
    assert "Acquis (10/06/2026)" in nav.get("/competences/").get_data(as_text=True)


def test_pdf_sans_nom_de_personne(nav, candidat_actif, tmp_path):
    nav.connexion(candidat_actif.candidat.email)
    reponse = nav.get("/competences/export.pdf")
    assert reponse.status_code == 200 and reponse.headers["Content-Type"] == "application/pdf"
    chemin = tmp_path / "c.pdf"
    chemin.write_bytes(reponse.data)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Couverture des compétences" in texte and "CP6" in texte and "entretien de suivi : 6" in texte
    assert candidat_actif.collegue.nom not in texte


def test_tuteur_avec_et_sans_accord(nav, nav_factory, candidat_actif, ctx, fabrique):
    monde = candidat_actif
    profil = monde.candidat.profil_candidat
    profil.tuteur_id = monde.collegue.id
    ctx.commit()
    tuteur = nav_factory()
    tuteur.connexion(monde.collegue.email)
    url = f"/competences/candidats/{monde.candidat.id}"
    assert tuteur.get(url).status_code == 403
    assert tuteur.get(f"/dossier/candidats/{monde.candidat.id}").status_code == 403
    nav.connexion(monde.candidat.email)
    assert nav.post("/competences/profil", {"referentiel": "reac-2018", "consentement_tuteur": "y"}).status_code == 303
    lecture = tuteur.get(url)
    html = lecture.get_data(as_text=True)
    assert lecture.status_code == 200 and "lecture seule" in html and "/auto-evaluation" not in html
    assert monde.candidat.nom_complet in tuteur.get("/competences/candidats").get_data(as_text=True)
    assert nav.post("/competences/profil", {"referentiel": "reac-2018"}).status_code == 303  # consent withdrawn
    assert tuteur.get(url).status_code == 403


def test_chef_de_service_ne_voit_que_la_synthese(nav, candidat_actif):
    monde = candidat_actif
    nav.connexion(monde.chef.email)
    assert monde.candidat.nom_complet in nav.get("/competences/candidats").get_data(as_text=True)
    redirection = nav.get(f"/competences/candidats/{monde.candidat.id}")
    assert redirection.status_code == 302 and redirection.headers["Location"].endswith(f"/dossier/candidats/{monde.candidat.id}")
    html = nav.get(f"/dossier/candidats/{monde.candidat.id}").get_data(as_text=True)
    assert "Vue de synthèse" in html
    assert nav.get("/competences/").status_code == 403


def test_chef_d_une_autre_equipe_et_autre_structure(nav_factory, candidat_actif, fabrique, ctx):
    monde = candidat_actif
    autre_equipe = fabrique.equipe(monde.structure)
    chef2 = fabrique.utilisateur(monde.structure, equipe=autre_equipe, chef=True)
    nav = nav_factory()
    nav.connexion(chef2.email)
    assert nav.get(f"/dossier/candidats/{monde.candidat.id}").status_code == 403
    ailleurs = nav_factory()
    ailleurs.connexion(monde.chef_ailleurs.email)
    assert ailleurs.get(f"/dossier/candidats/{monde.candidat.id}").status_code == 404


def test_changer_de_version_du_referentiel(nav, candidat_actif):
    nav.connexion(candidat_actif.candidat.email)
    assert nav.post("/competences/profil", {"referentiel": "titre-2023"}).status_code == 303
    assert "inclusive" in nav.get("/competences/").get_data(as_text=True)
    invalide = nav.post("/competences/profil", {"referentiel": "inconnu"})
    assert invalide.status_code == 422


def test_criteres_identiques_une_fois_et_retrait_ligne_par_ligne(nav, candidat_actif, ctx):
    """Issue #11, point 10: a criterion worded the same in the REAC and the RC is shown once
    (CP1 : all of them; CP5 : one differs, shown under each referential); withdrawing an evidence
    is an action per row whose reason field opens with it, and a refusal reopens that row only."""
    import html as h

    from cipdesk.competences.rules import criteres_a_montrer

    assert criteres_a_montrer(["Les besoins sont identifiés.", "B"], ["Les besoins sont identifies", "C"]) == (
        ["Les besoins sont identifiés."], ["B"], ["C"])
    nav.connexion(candidat_actif.candidat.email)
    page = h.unescape(nav.get("/competences/CP1").get_data(as_text=True))
    assert "Critères de performance (REAC) et d'évaluation (RC §3.2)" in page
    assert 'id="performance"' not in page and 'id="evaluation"' not in page   # nothing twice
    page = h.unescape(nav.get("/competences/CP5").get_data(as_text=True))
    assert 'id="communs"' in page and "Critères de performance (REAC), en plus" in page
    assert "Critères d'évaluation (RC §3.2), en plus" in page

    page = nav.get("/competences/CP2").get_data(as_text=True)
    preuves = re.findall(r'action="/competences/preuves/([0-9a-f-]+)/retrait"', page)
    assert preuves and page.count('<details class="retrait">') == len(preuves)   # folded, one per row
    r = nav.post(f"/competences/preuves/{preuves[0]}/retrait", {"motif": ""}, depuis="/competences/CP2")
    assert r.status_code == 422
    texte = r.get_data(as_text=True)
    assert texte.count('<details class="retrait" open>') == 1
    assert re.search(rf'<details class="retrait" open>.*?/competences/preuves/{preuves[0]}/retrait', texte, re.S)


def test_champs_vierges_rendus_une_fois_comme_par_wtforms(app):
    """The blank forms' fields of a competence's page are rendered once per process (the manual
    tag's with its options put in a skeleton): the same HTML as WTForms and the `champ` macro."""
    from flask import get_template_attribute

    from cipdesk.competences import routes
    from cipdesk.competences.forms import AutoEvaluationForm, EtiquetageForm
    from cipdesk.web.formulaires import choix

    activites = [("entretien:1", "entretien de suivi du 02/03/2026"), ("atelier:2", "Atelier <« l'été » & \"co\">")]
    with app.test_request_context("/competences/CP6"):
        for _ in range(2):   # the second time from the skeleton kept
            form = EtiquetageForm(formdata=None, meta={"csrf": False})
            form.activite.choices = choix(activites)
            attendu = get_template_attribute("competences/_champs.html", "champs_tag")(form)
            assert routes._champs_tag(None, activites) == attendu
            assert routes._champs_auto(None) == get_template_attribute("competences/_champs.html", "champs_auto")(
                AutoEvaluationForm(formdata=None, meta={"csrf": False}))
        assert "&lt;« l&#39;été » &amp; &#34;co&#34;&gt;</option>" in routes._champs_tag(None, activites)


def test_formulaires_renvoyes_avec_leurs_erreurs_puis_vierges(nav, candidat_actif):
    nav.connexion(candidat_actif.candidat.email)
    nav.get("/competences/CP5")   # the blank forms rendered once in this process
    r = nav.post("/competences/CP5/auto-evaluation", {"niveau": "", "commentaire": "Je progresse encore"},
                 depuis="/competences/CP5")
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Je progresse encore" in html and 'aria-invalid="true"' in html
    r = nav.post("/competences/CP5/preuves", {"activite": "", "motif": "Un motif tapé"}, depuis="/competences/CP5")
    assert r.status_code == 422 and "Un motif tapé" in r.get_data(as_text=True)
    page = nav.get("/competences/CP5").get_data(as_text=True)
    for texte in ("Je progresse encore", "Un motif tapé", "aria-invalid", "resume-erreurs", "selected"):
        assert texte not in page, texte
    assert page.count('id="activite"') == 1 and page.count('id="niveau"') == 1
    assert "accueil individuel du 01/02/2026</option>" in page


def test_auto_evaluation_tapee_apres_expiration_revient_dans_la_page(nav, candidat_actif, ctx, app):
    """Issue #10 point 10: a self-assessment typed while the session ended comes back in the page's
    form after logging in again — the blank fields rendered once per process never stand in for it."""
    from tests.conftest import jeton_csrf
    from tests.http.test_saisie_gardee import _expirer

    candidat = candidat_actif.candidat
    nav.connexion(candidat.email)
    jeton = jeton_csrf(nav.get("/competences/CP5").get_data(as_text=True))
    _expirer(ctx, app, candidat)
    reponse = nav.client.post("/competences/CP5/auto-evaluation", data={
        "niveau": "", "commentaire": "Texte tapé pendant l'expiration", "csrf_token": jeton},
        headers={"Referer": "http://localhost/competences/CP5"})
    assert reponse.status_code in (302, 303) and "/connexion" in reponse.headers["Location"]
    apres = nav.connexion(candidat.email)
    assert apres.status_code == 303 and apres.headers["Location"].endswith("/competences/CP5")
    html = nav.get("/competences/CP5").get_data(as_text=True)
    assert re.search(r'<textarea[^>]*name="commentaire"[^>]*>\s*Texte tapé pendant l&#39;expiration', html)
    assert "Texte tapé" not in nav.get("/competences/CP5").get_data(as_text=True)
