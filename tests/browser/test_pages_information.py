"""The information pages from the login page's footer, at desktop and phone width, with axe-core."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, verifier_accessibilite

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("largeur", [1280, 390])
def test_pages_d_information_depuis_la_connexion(serveur, page, largeur):
    page.set_viewport_size({"width": largeur, "height": 900})
    page.goto(f"{serveur}/connexion")
    for lien, titre in (("Accessibilité : non conforme", "Déclaration d'accessibilité"),
                        ("Mentions légales", "Mentions légales"),
                        ("Données personnelles", "Données personnelles")):
        page.get_by_role("contentinfo").get_by_role("link", name=lien).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(titre)
        verifier_accessibilite(page, titre)
        capture(page, f"information-{titre[:12]}-{largeur}")
        page.go_back()
    page.get_by_role("link", name="Mot de passe oublié ?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mot de passe oublié")
    verifier_accessibilite(page, "mot de passe oublié")
    # Nothing wider than the screen on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= largeur
