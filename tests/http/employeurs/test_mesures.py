"""Issue #13 point 5: the measures and contracts (DOMAIN.md list), editable by the
structure's admin with their eligibility notes, source and last-checked date, mobilised on
an offer or a candidature."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from cipdesk.employeurs.mesures.models import MesureMobilisee
from cipdesk.employeurs.mesures.rules import DEFAUTS, Mesure, fusionner, verifier


def test_la_liste_par_defaut_reprend_domain_et_la_structure_la_modifie():
    codes = [m.code for m in DEFAUTS]
    assert {"pmsmp", "poei", "poec", "afpr", "pec", "cie", "professionnalisation", "apprentissage", "cpf", "vae",
            "bilan_competences", "service_civique", "e2c", "epide", "agefiph", "aide_poste_iae"} <= set(codes)
    assert all(m.eligibilite and m.verifiee_le is None for m in DEFAUTS)
    propre = Mesure("poei", "POEI", "Nouvelles règles", "Arrêté", None, True, True)
    ajout = Mesure("aide_mobilite", "Aide à la mobilité", "Demandeurs d'emploi", "", None, True, True)
    liste = fusionner([ajout, propre])
    assert liste[codes.index("poei")] is propre and liste[-1] is ajout and len(liste) == len(DEFAUTS) + 1


def test_l_admin_met_a_jour_une_mesure_avec_sa_date_de_verification(nav, emp, ctx):
    nav.connexion(emp.admin.email)
    url = "/employeurs/mesures/"
    page = nav.get(url).get_data(as_text=True)
    assert "POEI (préparation opérationnelle à l&#39;emploi individuelle)" in page and "jamais vérifiée" in page
    saisie = {"code": "poei", "libelle": "POEI", "eligibilite": "Demandeur d'emploi inscrit ; 400 h au plus.",
              "source": "France Travail, fiche POEI", "verifiee_le": "", "active": "y"}
    r = nav.post(url, saisie)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Indiquez la date à laquelle l&#39;information a été vérifiée." in html
    assert "France Travail, fiche POEI" in html and "400 h au plus" in html   # typed input kept
    r = nav.post(url, dict(saisie, verifiee_le=(emp.aujourd_hui + timedelta(days=1)).isoformat()))
    assert r.status_code == 422 and "ne peut pas être dans le futur" in r.get_data(as_text=True)
    r = nav.post(url, dict(saisie, verifiee_le=emp.aujourd_hui.isoformat()))
    assert r.status_code == 303
    page = nav.get(url).get_data(as_text=True)
    assert "France Travail, fiche POEI" in page and emp.aujourd_hui.strftime("%d/%m/%Y") in page
    r = nav.post(url, dict(saisie, code="", libelle="Aide à la mobilité", verifiee_le=emp.aujourd_hui.isoformat()))
    assert r.status_code == 303 and "Aide à la mobilité" in nav.get(url).get_data(as_text=True)
    r = nav.post(url, dict(saisie, code="", libelle="Aide à la mobilité", verifiee_le=emp.aujourd_hui.isoformat()))
    assert r.status_code == 422 and "existe déjà" in r.get_data(as_text=True)


def test_une_mesure_se_mobilise_sur_une_offre(nav, emp, ctx, nav_factory):
    nav.connexion(emp.conseiller.email)
    offre = f"/employeurs/offres/{emp.offre.id}"
    page = nav.get(offre).get_data(as_text=True)
    assert 'id="mesures"' in page and "<option value=\"poei\">" in page
    r = nav.post(f"/employeurs/mesures/offres/{emp.offre.id}", {"code": ""}, depuis=offre)
    assert r.status_code == 303
    assert "Choisissez une mesure de la liste." in nav.get(offre).get_data(as_text=True)
    r = nav.post(f"/employeurs/mesures/offres/{emp.offre.id}", {"code": "poei"}, depuis=offre)
    assert r.status_code == 303
    assert [m.code for m in ctx.scalars(select(MesureMobilisee))] == ["poei"]
    assert "POEI (préparation" in nav.get(offre).get_data(as_text=True).split('id="mesures"')[1]
    nav.post(f"/employeurs/mesures/offres/{emp.offre.id}", {"code": "poei"}, depuis=offre)
    assert "déjà mobilisée" in nav.get(offre).get_data(as_text=True)
    chef = nav_factory()
    chef.connexion(emp.chef.email)
    assert chef.post(f"/employeurs/mesures/offres/{emp.offre.id}", {"code": "afpr"}, depuis=offre).status_code == 403


def test_une_mesure_se_mobilise_sur_une_candidature(nav, emp, ctx):
    from cipdesk.employeurs.candidatures.services import proposer

    c = proposer(ctx, emp.offre, emp.personne, par=emp.conseiller, le=emp.aujourd_hui, aujourd_hui=emp.aujourd_hui,
                 dans_le_perimetre=True)
    ctx.commit()
    nav.connexion(emp.conseiller.email)
    url = f"/employeurs/candidatures/{c.id}"
    r = nav.post(f"/employeurs/mesures/candidatures/{c.id}", {"code": "afpr"}, depuis=url)
    assert r.status_code == 303
    assert "AFPR (action de formation" in nav.get(url).get_data(as_text=True).split('id="mesures"')[1]
