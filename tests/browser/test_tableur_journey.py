"""Tableurs in a real browser, axe-core on every page (issue #19): a conseiller imports a small
file of people (mapping suggested, preview, dry run, import, report), then exports the file
active as XLSX; the same pages at 390 px."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser

CSV = ("Nom;Prénom;Né le;Portable;CP;Ville;Mail\r\n"
       "Lefèvre;Zoé;07/03/1990;06 12 34 56 78;01000;Bourg-en-Bresse;zoe@exemple.fr\r\n"
       "Nguyen;Anh;14/07/1985;0698765432;13200;Arles;\r\n").encode("cp1252")


def test_importer_un_petit_fichier_voir_l_apercu_puis_exporter(serveur, fabrique, nouveau_contexte):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom="Déjà", prenom="Là", accompagnee=True)
    page = nouveau_contexte().new_page()
    connecter(page, serveur, m.conseiller.email)
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Tableurs").click()
    expect(page.get_by_role("heading", name="Tableurs", level=1)).to_be_visible()
    verifier_accessibilite(page, "tableurs")
    capture(page, "tableur_index_1280")

    page.get_by_role("link", name="Personnes accompagnées").click()
    page.get_by_label("Fichier (XLSX, ODS ou CSV)").set_input_files(
        files=[{"name": "personnes.csv", "mimeType": "text/csv", "buffer": CSV}])
    page.get_by_role("button", name="Lire le fichier").click()
    expect(page.get_by_role("heading", name="1. Feuille et colonnes")).to_be_visible()
    expect(page.get_by_label("Portable")).to_have_value("telephone")
    expect(page.get_by_label("Né le")).to_have_value("date_naissance")
    apercu = page.get_by_role("region", name="Aperçu des premières lignes (défilant)")
    expect(apercu).to_contain_text("Lefèvre")
    expect(apercu).to_contain_text("07/03/1990")
    expect(apercu).to_contain_text("06 12 34 56 78")
    expect(apercu).to_contain_text("01000")
    verifier_accessibilite(page, "correspondance et aperçu")
    capture(page, "tableur_apercu_1280")

    page.get_by_role("button", name="Lancer l'essai à blanc").click()
    expect(page.locator("#rapport")).to_contain_text("2 nouvelle(s)")
    verifier_accessibilite(page, "essai à blanc")
    page.set_viewport_size({"width": 390, "height": 900})
    capture(page, "tableur_essai_390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Importer 2 ligne(s)").click()
    expect(page.get_by_role("status").or_(page.locator(".message")).first).to_contain_text("Import terminé")
    expect(page.get_by_role("button", name="Annuler l'import")).to_be_visible()
    verifier_accessibilite(page, "import terminé")
    capture(page, "tableur_rapport_1280")

    page.get_by_role("link", name="Tableurs", exact=True).last.click()
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="XLSX : File active").click()
    chemin = telechargement.value.path()
    feuille = load_workbook(io.BytesIO(open(chemin, "rb").read())).active
    noms = sorted(r[1] for r in feuille.iter_rows(min_row=2, values_only=True))
    assert noms == ["Déjà", "Lefèvre", "Nguyen"], "la file active du conseiller, les personnes importées comprises"
