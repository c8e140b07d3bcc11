"""Issue #18, points 11 and 12, in a real browser with axe-core: a chef de service whose
structure requires a second factor enrols (QR code, key typed by hand), notes the recovery
codes, logs in again with the TOTP code, then with a recovery code (phone lost); a
conseiller attaches a document to a person (a lying extension refused first) and opens it."""
from __future__ import annotations

from datetime import timedelta

import pyotp
import pytest
from playwright.sync_api import expect

from cipdesk.comptes.models import Role
from cipdesk.core.db import utcnow
from tests.browser.conftest import capture, connecter, verifier_accessibilite
from tests.factories.documents_joints import PDF_MINIMAL

pytestmark = pytest.mark.browser


def _deconnecter(page):
    page.get_by_role("button", name="Se déconnecter").first.click()
    page.wait_for_load_state()


def test_enrolement_connexion_et_code_de_secours(serveur, fabrique, nouveau_contexte):
    s = fabrique.structure(second_facteur="admin_chef")  # the production default
    equipe = fabrique.equipe(s)
    chef = fabrique.utilisateur(s, role=Role.CHEF_DE_SERVICE, equipe=equipe)

    page = nouveau_contexte().new_page()
    connecter(page, serveur, chef.email)
    expect(page.get_by_role("heading", name="Activer le second facteur")).to_be_visible()
    verifier_accessibilite(page, "activation du second facteur : avant la clé")
    page.get_by_role("button", name="Créer la clé et afficher le QR code").click()
    expect(page.locator(".qr svg")).to_be_visible()
    verifier_accessibilite(page, "activation du second facteur à la connexion")
    capture(page, "second-facteur-activation-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    capture(page, "second-facteur-activation-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    secret = page.locator("#cle-secrete").inner_text().replace(" ", "")
    totp = pyotp.TOTP(secret)

    # a wrong code first: the message beside the field
    page.get_by_label("Code affiché par l'application").fill("12345")
    page.get_by_role("button", name="Activer").click()
    expect(page.locator("#code-erreur")).to_contain_text("6 chiffres")
    page.get_by_label("Code affiché par l'application").fill(totp.now())
    page.get_by_role("button", name="Activer").click()
    expect(page.get_by_role("heading", name="Vos codes de secours")).to_be_visible()
    codes = page.locator(".codes-de-secours code").all_inner_texts()
    assert len(codes) == 10
    verifier_accessibilite(page, "codes de secours")
    capture(page, "second-facteur-codes")
    page.get_by_role("link", name="J'ai noté mes codes, continuer").click()
    expect(page).to_have_url(f"{serveur}/")
    _deconnecter(page)

    # next login: the TOTP code of the next time step (the one used at enrolment never again)
    connecter(page, serveur, chef.email)
    expect(page.get_by_role("heading", name="Code de vérification")).to_be_visible()
    verifier_accessibilite(page, "saisie du code")
    capture(page, "second-facteur-code")
    page.get_by_label("Code de vérification").fill(totp.at(utcnow() + timedelta(seconds=30)))
    page.get_by_role("button", name="Valider le code").click()
    expect(page).to_have_url(f"{serveur}/")
    _deconnecter(page)

    # phone lost: a recovery code, once
    connecter(page, serveur, chef.email)
    page.get_by_label("Code de vérification").fill(codes[0])
    page.get_by_role("button", name="Valider le code").click()
    expect(page.get_by_text("Il vous en reste 9")).to_be_visible()
    page.goto(f"{serveur}/compte/second-facteur")
    expect(page.get_by_text("Codes de secours encore utilisables")).to_contain_text("9")
    verifier_accessibilite(page, "page du second facteur")
    capture(page, "second-facteur-compte")
    _deconnecter(page)
    connecter(page, serveur, chef.email)
    page.get_by_label("Code de vérification").fill(codes[0])
    page.get_by_role("button", name="Valider le code").click()
    expect(page.locator("#code-erreur")).to_contain_text("pas valable")


def test_documents_joints(serveur, fabrique, page, tmp_path):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    menteur = tmp_path / "justificatif.pdf"
    menteur.write_bytes(b"MZ\x90\x00" + b"\x00" * 300)
    vrai = tmp_path / "CV Léa.pdf"
    vrai.write_bytes(PDF_MINIMAL)

    connecter(page, serveur, m.conseiller.email)
    page.goto(f"{serveur}/accueil/personnes/{p.id}")
    page.get_by_role("link", name="Joindre un document").first.click()
    expect(page.get_by_role("heading", name="Documents joints", level=1)).to_be_visible()
    page.get_by_label("Nature du document").select_option("justificatif")
    page.get_by_label("Fichier").set_input_files(str(menteur))
    page.get_by_role("button", name="Joindre le document").click()
    expect(page.locator("#fichier-erreur")).to_contain_text("pas un document accepté")
    expect(page.get_by_label("Nature du document")).to_have_value("justificatif")
    verifier_accessibilite(page, "dépôt refusé")
    page.get_by_label("Fichier").set_input_files(str(vrai))
    page.get_by_role("button", name="Joindre le document").click()
    lien = page.get_by_role("link", name="CV Léa.pdf")
    expect(lien).to_be_visible()
    verifier_accessibilite(page, "documents joints")
    capture(page, "documents-joints-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    capture(page, "documents-joints-390")
    reponse = page.request.get(serveur + lien.get_attribute("href"))
    assert reponse.status == 200 and reponse.headers["content-type"] == "application/pdf"
    assert reponse.headers["content-disposition"].startswith("inline")
