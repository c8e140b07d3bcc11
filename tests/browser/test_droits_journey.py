"""The person's rights in a real browser, axe-core on every page (issue #18): from the person's
page, record the information notice given at the first accueil and print it; record a request of
access and download the export (PDF and JSON) with its read log; the chef sees who reaches the end
of the retention period. Screenshots at 1280 and 390 px (tests/browser/artifacts/)."""
from __future__ import annotations

import json
import re
import subprocess
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTEFACTS, capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def test_notice_puis_export_d_acces(serveur, fabrique, ctx, nouveau_contexte):
    from cipdesk.core.dates import aujourdhui
    from cipdesk.droits.rules import plus_mois
    from tests.factories.accueil import accueil, personne

    monde = fabrique.monde()
    p = personne(ctx, monde.conseiller, nom="Benali", prenom="Samira")
    accueil(ctx, monde.conseiller, p)
    proche = personne(ctx, monde.conseiller, nom="Lefort", prenom="Jean")
    proche.dernier_contact_le = plus_mois(aujourdhui(), -24) + timedelta(days=12)
    ctx.commit()

    page = nouveau_contexte().new_page()
    connecter(page, serveur, monde.conseiller.email)
    page.goto(f"{serveur}/accueil/personnes/{p.id}")
    expect(page.get_by_text("Notice d'information à remettre")).to_be_visible()
    page.get_by_role("link", name="Droits de la personne (RGPD)").first.click()
    expect(page.get_by_role("heading", name="Droits de la personne : Samira Benali")).to_be_visible()
    verifier_accessibilite(page, "droits de la personne")
    page.get_by_role("button", name="Enregistrer la remise de la notice").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("Indiquez comment la notice a été remise.")
    verifier_accessibilite(page, "notice : saisie refusée")
    page.get_by_label("Date de remise").fill(aujourdhui().isoformat())
    page.get_by_label("Comment la notice a été remise").select_option("lue_a_voix_haute")
    page.get_by_role("button", name="Enregistrer la remise de la notice").click()
    expect(page.get_by_text("Remise de la notice enregistrée.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Remise le .* Lue à voix haute et expliquée"))).to_be_visible()
    capture(page, "droits-personne-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(page, "droits de la personne, 390 px")
    capture(page, "droits-personne-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    notice = page.request.get(f"{serveur}/droits/personnes/{p.id}/notice.pdf")
    assert notice.ok and notice.body().startswith(b"%PDF")
    (ARTEFACTS / "droits-notice.pdf").write_bytes(notice.body())

    page.get_by_label("Date de la demande de la personne").fill(aujourdhui().isoformat())
    page.get_by_role("button", name="Enregistrer une demande d'accès").click()
    expect(page.get_by_role("heading", name=re.compile("Demande d'accès du"))).to_be_visible()
    expect(page.get_by_role("cell", name="accueil individuel")).to_be_visible()
    verifier_accessibilite(page, "demande d'accès")
    capture(page, "droits-demande-1280")
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger l'export (PDF lisible)").click()
    chemin = ARTEFACTS / "droits-export.pdf"
    telechargement.value.save_as(chemin)
    assert chemin.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(chemin),
                    str(ARTEFACTS / "droits-export")], check=False)
    with page.expect_download() as telechargement:
        page.get_by_role("link", name="Télécharger l'export (JSON)").click()
    donnees = json.loads(open(telechargement.value.path(), encoding="utf-8").read())
    assert any(j["action"] == "Lecture" and j["enregistrement"] == "personne accompagnée" for j in donnees["journal_des_acces"])

    chef = nouveau_contexte().new_page()
    connecter(chef, serveur, monde.chef.email)
    chef.goto(f"{serveur}/")
    chef.get_by_role("link", name="Conservation").click()
    expect(chef.get_by_role("link", name="Jean Lefort")).to_be_visible()
    verifier_accessibilite(chef, "fin de la durée de conservation")
    capture(chef, "droits-conservation-1280")
    chef.goto(f"{serveur}/droits/registre")
    verifier_accessibilite(chef, "registre des traitements")
    capture(chef, "droits-registre-1280")
    chef.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(chef, "registre des traitements, 390 px")
    capture(chef, "droits-registre-390")
