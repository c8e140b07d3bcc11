"""The candidat's dossier on the demo data, with axe-core: readiness rule by rule →
choose a case → edit a part (autosave, hide a block) → export the PDF (rendered to PNG
for a human to look at) and the editable document."""
from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTEFACTS, capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def test_preparation_choix_edition_export(base_demo, serveur, ctx, page, tmp_path):
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    connecter(page, serveur, "candidat@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    page.get_by_role("link", name="Mon dossier de certification", exact=True).first.click()
    expect(page).to_have_url(f"{serveur}/dossier/")
    expect(page.locator(".partie")).to_have_count(7)
    partie2 = page.locator("#partie-2")
    expect(partie2.get_by_text("P2.1", exact=True)).to_be_visible()
    expect(partie2).to_contain_text("évaluée par questionnement à partir de production(s)")
    verifier_accessibilite(page, "préparation du dossier")
    capture(page, "dossier-preparation")
    page.set_viewport_size({"width": 390, "height": 844})
    capture(page, "dossier-preparation-390")
    verifier_accessibilite(page, "préparation du dossier (390 px)")
    page.set_viewport_size({"width": 1280, "height": 900})

    partie2.get_by_role("link", name="Choisir le cas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Choisir le cas — Deuxième partie"))
    expect(page.locator(".cas-possibles > li").first).to_contain_text(re.compile("éligible.*entretiens menés par vous", re.S))
    verifier_accessibilite(page, "choix du cas")
    capture(page, "dossier-cas")
    page.get_by_role("button", name="Retenir ce choix").click()
    expect(page).to_have_url(f"{serveur}/dossier/parties/2")

    expect(page.get_by_role("heading", name=re.compile("^Les entretiens avec")).first).to_be_visible()
    # htmx binds the autosave on DOMContentLoaded: typing before that fires no request (the test
    # used to fail now and then on a fast machine — a user types later, and the form also submits).
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.htmx !== undefined && document.querySelector('form[hx-post]')['htmx-internal-data'] !== undefined")
    introduction = page.get_by_label("Introduction")
    introduction.fill("Une introduction réécrite dans le navigateur.")
    # Autosave 1,2 s after typing, then the part laid out by the real PDF engine: slower on a busy machine.
    expect(page.locator("#etat")).to_contain_text("Enregistré.", timeout=20_000)
    expect(page.locator("#etat")).to_contain_text("budget de 5 à 6")
    bloc = page.locator("article.bloc").first
    titre = bloc.get_by_role("heading", level=3).inner_text()
    bloc.get_by_role("button", name=re.compile("^Masquer")).click()
    expect(page.locator("article.bloc").first).to_contain_text("masqué")
    verifier_accessibilite(page, "édition de la deuxième partie")
    capture(page, "dossier-partie-2")
    page.reload()
    expect(page.get_by_label("Introduction")).to_have_value("Une introduction réécrite dans le navigateur.")
    assert titre

    page.goto(f"{serveur}/dossier/")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Exporter le PDF pour le jury").click()
    pdf = tmp_path / "dossier.pdf"
    telechargement.value.save_as(pdf)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "5", str(pdf), str(ARTEFACTS / "dossier-pdf")],
                   check=True)
    texte = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Sommaire" in texte and "Une introduction réécrite dans le navigateur." in texte
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Document modifiable (DOCX)").click()
    assert telechargement.value.suggested_filename == "dossier-titre-cip.docx"


def test_vae_collective_l_accompagnatrice_suit_la_preparation(base_demo, serveur, ctx, page):
    """Issue #16, point 9: in the demo, the PLIE referent accompanies the candidate's collective
    VAE: she sees the readiness of the dossier and its summary, never the records behind it."""
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    connecter(page, serveur, "conseillere.plie@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    page.goto(f"{serveur}/dossier/vae-collective")
    ligne = page.get_by_role("row", name=re.compile("Camille Lefebvre"))
    expect(ligne).to_contain_text("7 sur 7")
    expect(ligne).to_contain_text("VAE collective COORACE")
    verifier_accessibilite(page, "VAE collective")
    capture(page, "dossier-vae-collective")
    page.set_viewport_size({"width": 390, "height": 844})
    capture(page, "dossier-vae-collective-390")
    verifier_accessibilite(page, "VAE collective (390 px)")
    page.set_viewport_size({"width": 1280, "height": 900})
    ligne.get_by_role("link", name=re.compile("Voir la synthèse")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Camille Lefebvre")
    expect(page.locator(".chapeau")).to_contain_text("Vue de synthèse")
    expect(page.get_by_text("Par :")).to_have_count(0)
    verifier_accessibilite(page, "synthèse pour l'accompagnatrice")
    capture(page, "dossier-vae-synthese")


def test_voie_ccp_production_du_ccp2(base_demo, serveur, ctx, page):
    """Issue #16, point 8: the demo's CCP candidate sees her CCP2 production, its three parts and
    their own budgets, with the exports."""
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    connecter(page, serveur, "candidat.ccp@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    page.goto(f"{serveur}/dossier/")
    page.get_by_role("navigation", name="Mes productions").get_by_role("link", name="CCP2").click()
    expect(page).to_have_url(f"{serveur}/dossier/ccp/CCP2")
    expect(page.locator(".partie")).to_have_count(3)
    expect(page.locator(".encadre")).to_contain_text("16 à 21")
    expect(page.get_by_role("link", name="Exporter le PDF pour le jury")).to_be_visible()
    verifier_accessibilite(page, "production du CCP2")
    capture(page, "dossier-ccp2")
    page.set_viewport_size({"width": 390, "height": 844})
    capture(page, "dossier-ccp2-390")
    verifier_accessibilite(page, "production du CCP2 (390 px)")
