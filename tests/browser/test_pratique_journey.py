"""« Ma pratique » in a real browser, axe-core on every page: from the page of an entretien,
write an analyse de pratique (a name of the caseload is flagged first, then replaced), read it
back; then « alerter mon chef de service » and the chef takes the alert into account. Screenshots
at 1280 and 390 px (tests/browser/artifacts/)."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_analyse_rattachee_a_un_entretien_puis_alerte_au_chef(serveur, fabrique, ctx, nouveau_contexte):
    from tests.factories.parcours import objets_parcours

    monde = fabrique.monde()
    objets = objets_parcours(ctx, monde)
    fabrique.personne(monde.structure, referent=monde.conseiller, nom="Vasseur", prenom="Inès")
    page = nouveau_contexte().new_page()
    connecter(page, serveur, monde.conseiller.email)

    page.goto(f"{serveur}/parcours/entretiens/{objets['entretien']}")
    verifier_accessibilite(page, "page de l'entretien avec son encart « Ma pratique »")
    page.get_by_role("link", name="Écrire une analyse de pratique de cette situation").click()
    expect(page.get_by_text("Rattachée à : entretien de suivi")).to_be_visible()
    page.get_by_label("Titre (sans nom de personne)").fill("Un entretien où la personne voulait tout arrêter")
    page.get_by_label("Date de la situation").fill("2026-01-06")
    page.get_by_label("La situation", exact=True).fill("Entretien de suivi en bureau individuel.")
    page.get_by_label("Les faits").fill("Mme Vasseur annonce qu'elle arrête l'accompagnement.")
    page.get_by_label("Mes opinions, mes interprétations").fill("Elle se sentait jugée.")
    page.get_by_label("Mes émotions, mes ressentis").fill("De l'agacement, puis du soulagement.")
    page.get_by_label("Les facteurs déterminants").fill("Un plan d'action trop chargé.")
    page.get_by_label("Les points forts de ma pratique").fill("J'ai changé de posture à temps.")
    page.get_by_label("Les ajustements envisagés").fill("Une démarche à la fois.")
    page.get_by_role("button", name="Enregistrer l'analyse").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("Un nom de votre file active apparaît (« vasseur »)")
    expect(page.get_by_label("Mes opinions, mes interprétations")).to_have_value("Elle se sentait jugée.")
    verifier_accessibilite(page, "analyse : nom de la file active signalé")
    capture(page, "pratique-analyse-nom-signale-1280")
    page.get_by_label("Les faits").fill("La personne annonce qu'elle arrête l'accompagnement.")
    page.get_by_role("button", name="Enregistrer l'analyse").click()
    expect(page).to_have_url(re.compile(rf"/pratique/analyses/{UUID}$"))
    expect(page.get_by_text("Cette lecture est enregistrée dans le journal d'audit")).to_be_visible()
    expect(page.get_by_role("link", name="entretien de suivi")).to_be_visible()
    verifier_accessibilite(page, "analyse de pratique")
    capture(page, "pratique-analyse-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(page, "analyse de pratique, 390 px")
    capture(page, "pratique-analyse-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{serveur}/pratique/")
    verifier_accessibilite(page, "ma pratique")
    page.get_by_role("link", name="Ma charge de travail et prévention").click()
    page.get_by_label("Message à votre chef·fe de service (facultatif)").fill(
        "Je reprends la file active d'une collègue absente.")
    page.get_by_role("button", name="Alerter mon chef de service").click()
    expect(page.get_by_text("Alerte envoyée à votre chef·fe de service")).to_be_visible()
    verifier_accessibilite(page, "ma charge de travail")
    capture(page, "pratique-prevention-1280")

    chef = nouveau_contexte().new_page()
    connecter(chef, serveur, monde.chef.email)
    chef.goto(f"{serveur}/pratique/")
    chef.get_by_role("link", name="Charge et alertes de mon équipe").click()
    expect(chef.get_by_text("Je reprends la file active d'une collègue absente.")).to_be_visible()
    verifier_accessibilite(chef, "charge et alertes de l'équipe")
    chef.get_by_role("button", name=re.compile("Prendre en compte")).click()
    expect(chef.locator(".resume-erreurs")).to_contain_text("Indiquez ce qui est décidé")
    chef.get_by_label("Ce qui est décidé").fill("Rendez-vous jeudi ; répartition de cinq personnes.")
    chef.get_by_role("button", name=re.compile("Prendre en compte")).click()
    expect(chef.get_by_text("Alerte prise en compte.")).to_be_visible()
    verifier_accessibilite(chef, "alerte prise en compte")
    capture(chef, "pratique-equipe-1280")
    chef.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(chef, "équipe, 390 px")
    capture(chef, "pratique-equipe-390")
