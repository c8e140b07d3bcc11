"""Issue #11 (points 3 and 4) and #12 (point 3) in a real browser, axe-core on each page:
the diagnostic saved one dimension at a time while the rest of the page stays as typed; the
engagements template per dispositif without its htmx races; the progression of an atelier
reordered by drag and drop (and still by its buttons)."""
from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def test_diagnostic_une_dimension_a_la_fois(serveur, fabrique, ctx, page):
    from sqlalchemy import select

    from cipdesk.accueil.diagnostic.models import Diagnostic
    from tests.factories.accueil import personne

    m = fabrique.monde()
    p = personne(ctx, m.conseiller, nom="Lefèvre", prenom="Inès")
    ctx.commit()
    connecter(page, serveur, m.conseiller.email)
    page.goto(f"{serveur}/accueil/personnes/{p.id}/diagnostic")
    page.get_by_label("Date de l'entretien de diagnostic").fill(date.today().isoformat())
    page.get_by_role("button", name="Commencer le diagnostic").click()
    page.wait_for_load_state()
    page.get_by_label("Mobilité").check()
    page.get_by_label("Hébergement / logement").check()
    page.get_by_role("button", name="Ouvrir ces dimensions").click()
    page.wait_for_load_state()
    mobilite, logement = page.locator("#dimension-mobilite"), page.locator("#dimension-logement")
    expect(mobilite).to_have_attribute("open", "")
    mobilite.get_by_label("Freins").fill("Pas de permis B")
    logement.get_by_label("Situation").fill("Hébergée chez sa sœur")   # typed, not saved yet
    page.get_by_label(re.compile("Hypothèses")).fill("Lever la mobilité d'abord")
    verifier_accessibilite(page, "diagnostic en entretien")
    mobilite.get_by_role("button", name=re.compile("Enregistrer et continuer")).click()
    expect(mobilite.get_by_role("status")).to_contain_text("« Mobilité » enregistrée")
    # htmx swapped the dimension alone: what was typed elsewhere is still on the page…
    expect(logement.get_by_label("Situation")).to_have_value("Hébergée chez sa sœur")
    expect(page.get_by_label(re.compile("Hypothèses"))).to_have_value("Lever la mobilité d'abord")
    # …and only the dimension is in the database
    ctx.expire_all()
    d = ctx.scalars(select(Diagnostic)).one()
    assert [x.dimension_code for x in d.dimensions] == ["mobilite"] and d.hypotheses == ""
    verifier_accessibilite(page, "dimension enregistrée")
    logement.get_by_role("button", name=re.compile("Enregistrer et continuer")).click()   # the next version
    expect(logement.get_by_role("status")).to_contain_text("enregistrée")
    ctx.expire_all()
    assert {x.dimension_code for x in ctx.scalars(select(Diagnostic)).one().dimensions} == {"mobilite", "logement"}
    capture(page, "quotidien-diagnostic-dimension-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(page, "diagnostic à 390 px")
    capture(page, "quotidien-diagnostic-dimension-390")
    page.get_by_role("button", name="Enregistrer le diagnostic").click()
    page.wait_for_load_state()
    ctx.expire_all()
    assert ctx.scalars(select(Diagnostic)).one().hypotheses == "Lever la mobilité d'abord"


def test_modele_d_engagements_sans_course(serveur, fabrique, ctx, page):
    """Choose « CEJ » then « PLIE » while the first answer is still on its way: the older answer
    no longer overwrites the newer template, and nothing can be typed into the engagements
    while an answer is awaited (it would be swapped away)."""
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller, nom="Dupont", prenom="Karim")
    ctx.commit()
    connecter(page, serveur, m.conseiller.email)
    page.goto(f"{serveur}/parcours/personnes/{p.id}/ouvrir")
    verifier_accessibilite(page, "ouverture du parcours")
    retenues = []
    page.route(re.compile(r".*/ouvrir\?.*dispositif_code=.*"), lambda route: retenues.append(route))
    structure = page.locator("#engagements_structure")
    page.locator("#dispositif_code").select_option("cej")
    page.wait_for_timeout(300)
    assert len(retenues) == 1
    expect(structure).to_be_disabled()          # nothing typed now would be lost by the swap
    page.locator("#dispositif_code").select_option("plie")
    page.wait_for_timeout(300)
    assert len(retenues) == 2
    cej, plie = retenues
    plie.continue_()
    expect(page.locator("#engagements_structure")).to_have_value(re.compile("toutes les trois semaines"))
    expect(page.locator("#engagements_structure")).to_be_enabled()
    try:
        cej.continue_()                          # the first answer, arriving last
    except Exception:  # noqa: BLE001 — already aborted by the second choice (hx-sync replace)
        pass
    page.wait_for_timeout(800)
    expect(page.locator("#engagements_structure")).to_have_value(re.compile("toutes les trois semaines"))
    page.unroute(re.compile(r".*/ouvrir\?.*dispositif_code=.*"))
    page.locator("#engagements_personne").fill("Venir le mardi à l'atelier CV")
    page.locator("#dispositif_code").select_option("cej")
    expect(page.locator("#engagements_structure")).to_have_value(re.compile("toutes les deux semaines"))
    expect(page.locator("#engagements_personne")).to_have_value("Venir le mardi à l'atelier CV")   # own text kept
    verifier_accessibilite(page, "engagements repris du modèle")


def test_progression_glisser_deposer_et_clavier(serveur, fabrique, ctx, page):
    """Issue #12, point 3: drag a séquence of the progression to another place (the order is
    saved), then move one with the keyboard (« Monter »), axe on the page at 1280 and 390 px."""
    from cipdesk.ateliers.conception.models import Atelier
    from tests.http.ateliers.conftest import creer_atelier

    m = fabrique.monde()
    atelier = creer_atelier(ctx, m.conseiller)
    ids = [s.id for s in ctx.get(Atelier, atelier.id).sequences]   # Accueil, Démonstration, Exercice
    connecter(page, serveur, m.conseiller.email)
    page.goto(f"{serveur}/ateliers/{atelier.id}#progression")
    expect(page.locator(f"#sequence-{ids[0]}")).to_have_attribute("draggable", "true")
    verifier_accessibilite(page, "atelier, progression glissable")
    page.drag_and_drop(f"#sequence-{ids[2]}", f"#sequence-{ids[0]}")   # Exercice before Accueil
    page.wait_for_load_state()
    expect(page.get_by_text("Ordre de la progression enregistré.")).to_be_visible()
    lignes = page.locator("tbody[data-glisser] > tr td:nth-child(2) strong")
    expect(lignes).to_have_text(["Exercice", "Accueil", "Démonstration"])
    ctx.expire_all()
    assert [s.titre for s in ctx.get(Atelier, atelier.id).sequences] == ["Exercice", "Accueil", "Démonstration"]
    # the keyboard alternative: focus « Monter » on Démonstration and press Enter
    page.get_by_role("button", name="Monter la séquence « Démonstration »").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("tbody[data-glisser] > tr td:nth-child(2) strong")).to_have_text(
        ["Exercice", "Démonstration", "Accueil"])
    capture(page, "quotidien-progression-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(page, "progression à 390 px")
    capture(page, "quotidien-progression-390")
