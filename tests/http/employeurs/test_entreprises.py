"""Employer base: creation with SIRET / NAF checks, duplicate refused with a link,
search as you type, contacts; access control of every route."""
from __future__ import annotations

from sqlalchemy import func, select

from cipdesk.employeurs.entreprises.models import ContactEntreprise, Entreprise


def test_creer_une_entreprise(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    r = nav.post("/employeurs/entreprises/nouvelle", {
        "raison_sociale": "Restaurant Le Cloître", "siret": "443 061 841 00047", "naf_code": "5610a",
        "tranche_effectif": "10_49", "commune": "Arles"})
    assert r.status_code == 303, r.get_data(as_text=True)
    e = ctx.scalar(select(Entreprise).where(Entreprise.raison_sociale == "Restaurant Le Cloître"))
    assert (e.siret, e.siren, e.naf_code, e.secteur) == ("44306184100047", "443061841", "56.10A",
                                                         "Hébergement et restauration")
    page = nav.get(r.headers["Location"]).get_data(as_text=True)
    assert "Restauration traditionnelle" in page and "443 061 841 00047" in page


def test_siret_invalide_erreur_et_saisie_conservee(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    r = nav.post("/employeurs/entreprises/nouvelle", {"raison_sociale": "Garage Dupont", "siret": "44306184100048"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "sa clé de contrôle est fausse" in html and "Garage Dupont" in html and "44306184100048" in html
    assert ctx.scalar(select(func.count()).select_from(Entreprise)) == 2


def test_naf_inconnu_refuse(nav, emp):
    nav.connexion(emp.conseiller.email)
    r = nav.post("/employeurs/entreprises/nouvelle", {"raison_sociale": "X", "siret": "44306184100047",
                                                      "naf_code": "99.99Z"})
    assert r.status_code == 422 and "n&#39;existe pas dans la NAF" in r.get_data(as_text=True)


def test_siret_en_double_refuse_avec_lien(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    r = nav.post("/employeurs/entreprises/nouvelle", {"raison_sociale": "Boulangerie bis", "siret": "732829320 00074"})
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "Ce SIRET est déjà enregistré" in html
    assert f'/employeurs/entreprises/{emp.entreprise.id}"' in html


def test_meme_siret_dans_une_autre_structure_accepte(nav, emp):
    nav.connexion(emp.conseiller.email)
    r = nav.post("/employeurs/entreprises/nouvelle", {"raison_sociale": "La Poste", "siret": "35600000000048"})
    assert r.status_code == 303


def test_recherche_au_fil_de_la_frappe(nav, emp):
    nav.connexion(emp.conseiller.email)
    for q in ("boulang", "732829", "arles", "10.71C", "boulangerie patisserie"):
        r = nav.get(f"/employeurs/entreprises/?q={q}", headers={"HX-Request": "true"})
        html = r.get_data(as_text=True)
        assert r.status_code == 200 and "Boulangerie du Forum" in html, q
        assert "<!doctype" not in html and "HX-Request" in r.headers["Vary"]
    r = nav.get("/employeurs/entreprises/?q=transports")  # another structure's employer
    assert "Transports du Rhône" not in r.get_data(as_text=True)
    # LIKE's wildcards typed by the user are not wildcards (the search key keeps letters and digits)
    assert "Aucune entreprise" in nav.get("/employeurs/entreprises/?q=b_ul").get_data(as_text=True)
    assert "Boulangerie du Forum" in nav.get("/employeurs/entreprises/?q=boul%25").get_data(as_text=True)


def test_contact_avec_role_et_mode_prefere(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    url = f"/employeurs/entreprises/{emp.entreprise.id}/contacts/nouveau"
    r = nav.post(url, {"nom": "Roux", "role": "rh", "mode_prefere": "email", "telephone": "04 90 00 00 00"})
    assert r.status_code == 422 and "indiquez l&#39;adresse" in r.get_data(as_text=True)
    r = nav.post(url, {"nom": "Roux", "prenom": "Léa", "role": "rh", "mode_prefere": "email", "email": "lea@ex.fr"})
    assert r.status_code == 303
    c = ctx.scalar(select(ContactEntreprise))
    assert (c.role.value, c.mode_prefere.value) == ("rh", "email")


def test_aucune_valeur_preselectionnee(nav, emp):
    nav.connexion(emp.conseiller.email)
    html = nav.get(f"/employeurs/entreprises/{emp.entreprise.id}/contacts/nouveau").get_data(as_text=True)
    assert "selected" not in html


def test_modifier_la_fiche(nav, emp, ctx):
    nav.connexion(emp.conseiller.email)
    url = f"/employeurs/entreprises/{emp.entreprise.id}/modifier"
    r = nav.post(url, {"raison_sociale": "Boulangerie du Forum", "siret": "73282932000074", "commune": "Tarascon",
                       "version": "1"})
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.get(Entreprise, emp.entreprise.id).commune == "Tarascon"


def test_acces(nav_factory, emp):
    e, autre = emp.entreprise.id, emp.autre_entreprise.id
    pages = ["/employeurs/", "/employeurs/entreprises/", f"/employeurs/entreprises/{e}"]
    ecritures = ["/employeurs/entreprises/nouvelle", f"/employeurs/entreprises/{e}/modifier",
                 f"/employeurs/entreprises/{e}/contacts/nouveau"]
    chef = nav_factory(); chef.connexion(emp.chef.email)
    for url in pages:
        assert chef.get(url).status_code == 200, url
    for url in ecritures:
        assert chef.get(url).status_code == 403, url
    admin = nav_factory(); admin.connexion(emp.admin.email)
    for url in pages + ecritures:
        assert admin.get(url).status_code == 403, url
    conseiller = nav_factory(); conseiller.connexion(emp.conseiller.email)
    for url in (f"/employeurs/entreprises/{autre}", f"/employeurs/entreprises/{autre}/modifier",
                f"/employeurs/entreprises/{autre}/contacts/nouveau"):
        assert conseiller.get(url).status_code == 404, url
    anonyme = nav_factory()
    assert anonyme.get("/employeurs/entreprises/").status_code == 302


def test_export_xlsx_de_la_base(nav, emp):
    from io import BytesIO

    from openpyxl import load_workbook

    nav.connexion(emp.chef.email)  # chefs see the base and its figures
    r = nav.get("/employeurs/entreprises/export.xlsx")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    feuille = load_workbook(BytesIO(r.data)).active
    lignes = list(feuille.iter_rows(values_only=True))
    assert lignes[0][:3] == ("Raison sociale", "Enseigne", "SIRET")
    assert [l[0] for l in lignes[1:]] == ["Boulangerie du Forum"]  # not the other structure's
    from cipdesk.employeurs.entreprises.rules import libelle_naf

    assert lignes[1][4] == "10.71C" and lignes[1][5] == libelle_naf("10.71C") != ""
