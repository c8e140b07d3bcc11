"""The candidat's journey in « Mes compétences », on the demo data, with axe-core."""
from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def test_candidat_voit_sa_pratique_en_regard_du_reac(base_demo, serveur, ctx, page, tmp_path):
    from cipdesk.demo import MOT_DE_PASSE_DEMO
    from cipdesk.personnes.models import Personne

    noms = {(p.nom, p.prenom) for p in ctx.scalars(select(Personne))}
    assert noms

    connecter(page, serveur, "candidat@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    page.get_by_role("link", name="Mes compétences", exact=True).first.click()
    expect(page).to_have_url(f"{serveur}/competences/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes compétences")
    ligne_cp6 = page.locator("tr", has=page.get_by_role("link", name="CP6", exact=True))
    expect(ligne_cp6.locator(".etat")).to_have_text(re.compile("bien couverte|quelques preuves"))
    # the demo ateliers of the candidat (issue #12) evidence CP9 and CP10
    ligne_cp10 = page.locator("tr", has=page.get_by_role("link", name="CP10", exact=True))
    expect(ligne_cp10.locator(".etat")).to_have_text(re.compile("bien couverte|quelques preuves"))
    verifier_accessibilite(page, "couverture des compétences")
    capture(page, "competences-couverture")

    page.get_by_role("link", name="CP6", exact=True).click()
    expect(page).to_have_url(f"{serveur}/competences/CP6")
    # issue #11, point 10: the criteria worded the same in the REAC and the RC, once; the REAC's extra one apart
    expect(page.get_by_role("heading", name="Critères de performance (REAC) et d'évaluation (RC §3.2)")).to_be_visible()
    expect(page.get_by_role("heading", name="Critères de performance (REAC), en plus")).to_be_visible()
    expect(page.locator("details.retrait").first.locator("input[name=motif]")).to_be_hidden()   # folded per row
    expect(page.locator("#preuves").get_by_role("link", name=re.compile("^Entretien"))).not_to_have_count(0)
    verifier_accessibilite(page, "compétence CP6")
    page.locator("details.retrait > summary").first.click()   # « Retirer… » opens its reason field
    expect(page.locator("details.retrait").first.get_by_label("Motif du retrait")).to_be_visible()
    verifier_accessibilite(page, "compétence CP6, retrait ouvert")

    page.get_by_label("Où en êtes-vous ?").select_option("en_cours")
    page.get_by_label("Commentaire (facultatif)").fill("Trois parcours suivis, contrat à mieux co-construire")
    page.get_by_role("button", name="Enregistrer mon auto-évaluation").click()
    expect(page.get_by_text("Auto-évaluation enregistrée.")).to_be_visible()
    expect(page.locator(".historique")).to_contain_text("En cours d'acquisition")
    verifier_accessibilite(page, "compétence CP6 après auto-évaluation")
    capture(page, "competences-cp6")

    page.goto(f"{serveur}/competences/")
    page.get_by_role("link", name="Préparation du dossier").first.click()
    expect(page.locator(".partie")).to_have_count(7)  # rule by rule: tests/browser/test_dossier_journey.py
    verifier_accessibilite(page, "préparation du dossier")
    capture(page, "competences-dossier")

    page.goto(f"{serveur}/competences/")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger le PDF").click()
    pdf = tmp_path / "couverture.pdf"
    telechargement.value.save_as(pdf)
    texte = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Couverture des compétences" in texte and "Mon dossier de certification" in texte
    for nom, prenom in noms:
        assert f"{prenom} {nom}" not in texte and f" {nom} " not in f" {texte} ", f"{prenom} {nom} dans le PDF"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True)
