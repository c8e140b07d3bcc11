"""Intégration (CP14): open a follow-up by hand for a person of one's perimeter, the
framework with the employer and its one-page PDF, a follow-up with the risk flag and
the alerts; bad inputs (French error, 422, typed input kept); access."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.suivis.models import SuiviIntegration


@pytest.fixture
def m(fabrique, ctx):
    from cipdesk.employeurs.entreprises.services import creer_entreprise
    from cipdesk.personnes.models import StatutPersonne

    monde = fabrique.monde()
    monde.aujourd_hui = date.today()
    monde.entreprise = creer_entreprise(ctx, par=monde.conseiller, le=monde.aujourd_hui, donnees={
        "raison_sociale": "Boulangerie du Forum", "siret": "73282932000074", "commune": "Arles"})
    monde.autre_entreprise = creer_entreprise(ctx, par=monde.conseiller_ailleurs, le=monde.aujourd_hui, donnees={
        "raison_sociale": "Transports du Rhône", "siret": "35600000000048", "commune": "Lyon"})
    ctx.commit()
    monde.personne = fabrique.personne(monde.structure, referent=monde.conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    monde.personne_collegue = fabrique.personne(monde.structure, referent=monde.collegue,
                                                statut=StatutPersonne.ACCOMPAGNEE)
    return monde


def _donnees(m, personne, debut, **autres):
    d = {"personne_id": str(personne.id), "entreprise_id": str(m.entreprise.id), "employeur": "",
         "lieu_travail": "Boutique, Arles", "intitule_poste": "Vendeur·se en boulangerie", "rome_code": "D1106",
         "type_contrat": "cdi", "debut": debut.isoformat(), "fin_periode_essai": (debut + timedelta(days=59)).isoformat(),
         "heures_hebdo": "35"}
    d.update(autres)
    return d


def test_ouvrir_cadre_pdf_point_avec_risque_et_alerte(nav, m, ctx):
    from cipdesk.integration.suivis.queries import alertes_integration

    nav.connexion(m.conseiller.email)
    debut = m.aujourd_hui - timedelta(days=20)
    r = nav.post("/integration/suivis/nouveau", _donnees(m, m.personne, debut))
    assert r.status_code == 303, r.get_data(as_text=True)
    url = r.headers["Location"]
    suivi = ctx.scalar(select(SuiviIntegration))
    assert suivi.employeur == "Boulangerie du Forum"
    assert [p.jalon.value for p in suivi.points] == ["j15", "m1", "fin_essai", "m3", "m6"]
    # J+15 passed and not done: an alert
    assert [a.code for a in alertes_integration(ctx, [m.personne.id], m.aujourd_hui)] == ["point_integration_manque"]
    r = nav.post(url + "/cadre", {"cadre_le": m.aujourd_hui.isoformat(), "interlocuteurs": "Mme Roux, tutrice",
                                  "engagements": "Le conseiller n'intervient pas sur le planning",
                                  "modalites": "Appel à chaque point", "acteurs": "Médecin du travail"}, depuis=url)
    assert r.status_code == 303, r.get_data(as_text=True)
    pdf = nav.get(url + "/accord.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    point = suivi.points[0]
    r = nav.post(f"/integration/points/{point.id}", {
        "fait_le": (debut + timedelta(days=16)).isoformat(), "avis_personne": "Les horaires sont durs",
        "avis_employeur": "Retards", "difficultes": "Le bus du matin", "toujours_en_poste": "oui",
        "risque_rupture": "oui"}, depuis=url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    assert [a.code for a in alertes_integration(ctx, [m.personne.id], m.aujourd_hui)] == ["risque_rupture"]
    page = nav.get(url).get_data(as_text=True)
    assert "risque de rupture signalé" in page and "Les horaires sont durs" in page
    # encrypted at rest
    brut = ctx.execute(select(PointSuivi.avis_personne_chiffre).where(PointSuivi.id == point.id)).scalar()
    assert b"horaires" not in brut
    assert "Vendeur" in nav.get("/integration/").get_data(as_text=True)


def test_essai_trop_long_avertit_puis_confirmation(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    debut = m.aujourd_hui
    donnees = _donnees(m, m.personne, debut, type_contrat="cdd_court",
                       fin_periode_essai=(debut + timedelta(days=30)).isoformat())
    r = nav.post("/integration/suivis/nouveau", donnees)
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "plus longue que la loi" in html and "L1242-10" in html
    assert "Vendeur·se en boulangerie" in html
    assert ctx.scalar(select(SuiviIntegration)) is None
    r = nav.post("/integration/suivis/nouveau", dict(donnees, confirmer_essai="y"))
    assert r.status_code == 303, r.get_data(as_text=True)


def test_point_avant_le_debut_refuse(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    debut = m.aujourd_hui - timedelta(days=20)
    r = nav.post("/integration/suivis/nouveau", _donnees(m, m.personne, debut))
    assert r.status_code == 303
    point = ctx.scalar(select(SuiviIntegration)).points[0]
    r = nav.post(f"/integration/points/{point.id}", {
        "fait_le": (debut - timedelta(days=1)).isoformat(), "avis_personne": "Tout va bien au magasin",
        "toujours_en_poste": "oui", "risque_rupture": "non"}, depuis=r.headers["Location"])
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "ne peut pas précéder le début du contrat" in html
    assert "Tout va bien au magasin" in html


def test_employeur_d_une_autre_structure_refuse(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    r = nav.post("/integration/suivis/nouveau", _donnees(m, m.personne, m.aujourd_hui,
                                                         entreprise_id=str(m.autre_entreprise.id)))
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Choisissez un employeur de votre structure." in html
    assert ctx.scalar(select(SuiviIntegration)) is None


def test_personne_hors_perimetre_refusee(nav, m, ctx):
    nav.connexion(m.conseiller.email)
    r = nav.post("/integration/suivis/nouveau", _donnees(m, m.personne_collegue, m.aujourd_hui))
    assert r.status_code == 422 and "n&#39;est pas dans votre file active" in r.get_data(as_text=True)
    assert ctx.scalar(select(SuiviIntegration)) is None


def test_champs_obligatoires_sans_valeur_preselectionnee(nav, m):
    nav.connexion(m.conseiller.email)
    html = nav.get("/integration/suivis/nouveau").get_data(as_text=True)
    assert "selected" not in html
    r = nav.post("/integration/suivis/nouveau", {"personne_id": "", "type_contrat": "", "intitule_poste": "",
                                                 "debut": "", "rome_code": "XX"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "Choisissez le type de contrat." in html and "Un code ROME" in html


def test_acces(nav_factory, m, ctx):
    from cipdesk.integration.suivis.services import ouvrir_suivi

    s = ouvrir_suivi(ctx, m.personne, par=m.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "X", "intitule_poste": "Cariste", "type_contrat": "cdi", "debut": m.aujourd_hui})
    ctx.commit()
    voir, pdf = f"/integration/suivis/{s.id}", f"/integration/suivis/{s.id}/accord.pdf"
    for email, attendu in ((m.conseiller.email, 200), (m.chef.email, 200), (m.collegue.email, 403),
                           (m.admin.email, 403), (m.conseiller_ailleurs.email, 404)):
        n = nav_factory(); n.connexion(email)
        assert n.get(voir).status_code == attendu and n.get(pdf).status_code == attendu, email
    n = nav_factory(); n.connexion(m.chef.email)
    assert n.get("/integration/suivis/nouveau").status_code == 403
