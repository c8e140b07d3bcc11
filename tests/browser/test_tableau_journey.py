"""Tableau de bord in a real browser, axe-core on every page: the chef opens it from the
menu, filters by dispositif (htmx, the filters go into the URL), clicks a figure and reads
the list behind it; a period ending before it begins is refused beside its field."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from cipdesk.core import dates
from tests.browser.conftest import capture, connecter, verifier_accessibilite
from tests.factories.tableau import AUJ, monde_du_tableau

pytestmark = pytest.mark.browser


@pytest.fixture
def au_30_juin():
    dates.regler_horloge(lambda: datetime(AUJ.year, AUJ.month, AUJ.day, 12, tzinfo=dates.PARIS))
    yield
    dates.regler_horloge(lambda: datetime.combine(date.today(), datetime.now().time(), tzinfo=dates.PARIS))


def test_tableau_filtres_chiffre_et_sa_liste(serveur, ctx, fabrique, nouveau_contexte, au_30_juin):
    monde = monde_du_tableau(ctx, fabrique)
    page = nouveau_contexte().new_page()
    connecter(page, serveur, monde.chef.email)
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Tableau de bord").click()
    expect(page.get_by_role("heading", name="Tableau de bord de l'équipe")).to_be_visible()
    page.get_by_label("Début de la période").fill("2026-01-01")
    page.get_by_role("button", name="Afficher").click()
    expect(page.locator("#titre-file_active")).to_be_visible()
    expect(page.locator("#indicateur-sorties_categorie")).to_contain_text("50,0 %")
    verifier_accessibilite(page, "tableau de bord")
    capture(page, "tableau_1280")

    # Filter by dispositif: htmx swaps the results and pushes the filters into the URL.
    page.get_by_label("Dispositif", exact=True).select_option("plie")
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(re.compile(r"dispositif=plie"))
    carte = page.locator("#indicateur-file_active")
    expect(carte.locator("tbody tr").nth(1)).to_contain_text("Bruno Bernard")
    verifier_accessibilite(page, "tableau de bord filtré")

    # The figure behind B's file active (P3 and P6 in PLIE) leads to exactly those two people.
    carte.locator("tbody tr").nth(1).get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("File active par conseiller·ère : Bruno Bernard")
    expect(page.locator("tbody tr")).to_have_count(2)
    expect(page.locator("tbody")).to_contain_text("Trois")
    expect(page.locator("tbody")).to_contain_text("Six")
    verifier_accessibilite(page, "liste derrière un chiffre")
    capture(page, "tableau_liste_1280")

    # A period that ends before it begins: the error beside the field, what was typed kept.
    page.goto(f"{serveur}/tableau-de-bord/?debut=2026-06-30&fin=2026-01-01")
    expect(page.locator("#filtre-fin-erreur")).to_contain_text("postérieure à son début")
    expect(page.get_by_label("Fin de la période")).to_have_value("2026-01-01")
    verifier_accessibilite(page, "filtres en erreur")

    petit = nouveau_contexte()
    petit_page = petit.new_page()
    petit_page.set_viewport_size({"width": 390, "height": 844})
    connecter(petit_page, serveur, monde.chef.email)
    petit_page.goto(f"{serveur}/tableau-de-bord/?debut=2026-01-01&fin=2026-06-30")
    verifier_accessibilite(petit_page, "tableau de bord 390 px")
    capture(petit_page, "tableau_390")
    # One view per section (issue #17 b): the tabs keep the period, and a view stays short.
    hauteur = petit_page.evaluate("document.documentElement.scrollHeight")
    petit_page.get_by_role("navigation", name="Sections du tableau de bord").get_by_role("link", name="Délais").click()
    expect(petit_page).to_have_url(re.compile(r"section=delais&debut=2026-01-01&fin=2026-06-30"))
    expect(petit_page.locator("#indicateur-delai_accueil")).to_be_visible()
    expect(petit_page.locator("#indicateur-file_active")).to_have_count(0)
    assert petit_page.evaluate("document.documentElement.scrollWidth") <= 390
    verifier_accessibilite(petit_page, "tableau de bord, section Délais, 390 px")
    capture(petit_page, "tableau_delais_390")
    print(f"hauteur de la première vue à 390 px : {hauteur} px ; section Délais : "
          f"{petit_page.evaluate('document.documentElement.scrollHeight')} px")
