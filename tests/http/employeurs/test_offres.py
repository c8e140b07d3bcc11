"""Fiche de poste → offer, the non-discrimination check on the page, justifications
kept, diffusion blocked until every flag is fixed or justified; access control."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from cipdesk.employeurs.offres.models import JustificationOffre, Offre


def test_fiche_puis_offre_preremplie(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    r = nav.post(f"/employeurs/offres/entreprises/{emp.entreprise.id}/fiche", {
        "entretien_le": emp.aujourd_hui.isoformat(), "besoin": "Un départ en retraite", "intitule": "Boulanger / Boulangère",
        "missions": "Fabrication du pain", "type_contrat": "cdi", "lieu": "Arles"})
    assert r.status_code == 303, r.get_data(as_text=True)
    page = nav.get(r.headers["Location"] + "/offre").get_data(as_text=True)
    assert "Missions : Fabrication du pain" in page and "Lieu : Arles" in page


def test_fiche_type_de_contrat_obligatoire(nav, emp):
    nav.connexion(emp.conseiller.email)
    r = nav.post(f"/employeurs/offres/entreprises/{emp.entreprise.id}/fiche", {
        "entretien_le": emp.aujourd_hui.isoformat(), "besoin": "b", "intitule": "Caissier (H/F)", "missions": "m"})
    assert r.status_code == 422 and "Choisissez le type de contrat." in r.get_data(as_text=True)


def test_cloture_avant_ouverture_erreur_et_saisie_conservee(nav, emp):
    nav.connexion(emp.conseiller.email)
    r = nav.post(f"/employeurs/offres/fiches/{emp.fiche.id}/offre", {
        "intitule": "Vendeur (H/F)", "texte": "Vente au comptoir, texte gardé", "nombre_postes": "1",
        "ouverte_le": emp.aujourd_hui.isoformat(), "cloture_le": (emp.aujourd_hui - timedelta(days=1)).isoformat()})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "La date de clôture ne peut pas précéder la date d&#39;ouverture de l&#39;offre." in html
    assert "Vente au comptoir, texte gardé" in html


def test_la_page_de_l_offre_montre_les_signalements(nav, emp):
    nav.connexion(emp.conseiller.email)
    html = nav.get(f"/employeurs/offres/{emp.offre.id}").get_data(as_text=True)
    assert "3 formulations signalées" in html
    assert "« Vendeur »" in html and "« Jeune »" in html and "« bonne présentation »" in html
    assert "L1132-1" in html and "Formulation neutre proposée" in html


def test_diffusion_bloquee_puis_corriger_et_justifier(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    url = f"/employeurs/offres/{emp.offre.id}"
    r = nav.post(url + "/diffusion", {}, depuis=url)
    assert r.status_code == 422 and "encore 3 formulation(s) signalée(s)" in r.get_data(as_text=True)
    # fix the wording
    r = nav.post(url + "/modifier", {"intitule": "Vendeur (H/F)", "texte": "Débutant accepté. Bon contact. Anglais courant.",
                                      "nombre_postes": "1", "ouverte_le": emp.offre.ouverte_le.isoformat(),
                                      "version": "1"})
    assert r.status_code == 303
    # a justification too short is refused, the typed text kept
    r = nav.post(url + "/justifications", {"cle": "langue:anglais", "justification": "clients"}, depuis=url)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Justifiez par écrit" in html and ">clients</textarea>" in html
    motif = "Accueil de la clientèle touristique anglophone au comptoir, tous les jours en saison."
    r = nav.post(url + "/justifications", {"cle": "langue:anglais", "justification": motif}, depuis=url)
    assert r.status_code == 303
    j = ctx.scalar(select(JustificationOffre))
    assert (j.code_regle, j.extrait, j.justification, j.par_id) == ("langue", "Anglais", motif, emp.conseiller.id)
    r = nav.post(url + "/diffusion", {}, depuis=url)
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.get(Offre, emp.offre.id).statut.value == "publiee"
    assert "Exigence conservée par" in nav.get(url).get_data(as_text=True)


def test_justifier_une_formulation_non_signalee_refuse(nav, emp):
    nav.connexion(emp.conseiller.email)
    url = f"/employeurs/offres/{emp.offre.id}"
    r = nav.post(url + "/justifications", {"cle": "langue:anglais", "justification": "x" * 40}, depuis=url)
    assert r.status_code == 422 and "plus signalée" in r.get_data(as_text=True)


def test_acces(nav_factory, emp, fabrique, ctx):
    o, f, e = emp.offre.id, emp.fiche.id, emp.entreprise.id
    lectures = ["/employeurs/offres/", f"/employeurs/offres/{o}", f"/employeurs/offres/fiches/{f}"]
    ecritures = [f"/employeurs/offres/entreprises/{e}/fiche", f"/employeurs/offres/fiches/{f}/offre",
                 f"/employeurs/offres/{o}/modifier"]
    chef = nav_factory(); chef.connexion(emp.chef.email)
    for url in lectures:
        assert chef.get(url).status_code == 200, url
    for url in ecritures:
        assert chef.get(url).status_code == 403, url
    for url in ("/justifications", "/diffusion", "/statut"):
        assert chef.client.post(f"/employeurs/offres/{o}{url}", data={}).status_code in (400, 403)
    admin = nav_factory(); admin.connexion(emp.admin.email)
    for url in lectures + ecritures:
        assert admin.get(url).status_code == 403, url
    ailleurs = nav_factory(); ailleurs.connexion(emp.conseiller_ailleurs.email)
    for url in lectures[1:] + ecritures:
        assert ailleurs.get(url).status_code == 404, url
    assert "Vendeur" not in ailleurs.get("/employeurs/offres/").get_data(as_text=True)
