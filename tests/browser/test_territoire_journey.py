"""Territoire in a real browser, axe-core on every page (issue #15): profil du territoire (a
figure without source refused, then a first version, then a second that shows what changed) →
fiche de veille (review date before the fiche refused, then saved, linked to an orientation) →
the partner with its orientations → the cartography of the network, at 1280 and 390 px."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _orientation(fabrique, ctx, conseiller, structure):
    from cipdesk.accueil.orientation import services as orientation
    from cipdesk.territoire.partenaires import services as partenaires

    pa = partenaires.enregistrer_partenaire(ctx, par=conseiller, donnees=partenaires.DonneesPartenaire(
        nom="SIAO du Nord", type_partenaire="SIAO", domaines=["logement"]))
    personne = fabrique.personne(structure, referent=conseiller, nom="Durand", prenom="Alice")
    o = orientation.orienter(ctx, par=conseiller, personne=personne, partenaire=pa, le=date.today(),
                             motif="Hébergement", informations_transmises="", consentement=False, consentement_le=None,
                             consentement_mode="", aujourd_hui=date.today())
    orientation.enregistrer_reponse(ctx, par=conseiller, orientation=o, reponse="acceptee", le=date.today(),
                                    commentaire="", aujourd_hui=date.today())
    ctx.commit()
    return pa


def test_territoire_veille_partenaire_cartographie(serveur, fabrique, ctx, page):
    structure = fabrique.structure()
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    partenaire = _orientation(fabrique, ctx, conseiller, structure)
    connecter(page, serveur, conseiller.email)

    page.goto(f"{serveur}/territoire/")
    verifier_accessibilite(page, "territoire")
    page.get_by_role("link", name="Profil du territoire").click()
    expect(page).to_have_url(re.compile(r"/territoire/profil$"))
    page.locator("#territoire").fill("Bassin d'emploi de Lille")
    page.locator("#chiffres-0-theme").select_option("economique")
    page.locator("#chiffres-0-libelle").fill("Taux de chômage")
    page.locator("#chiffres-0-valeur").fill("9,4")
    page.locator("#chiffres-0-unite").fill("%")
    page.locator("#chiffres-0-date_source").fill("2026-03-31")
    page.get_by_role("button", name="Enregistrer une nouvelle version").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("Un chiffre sans source ne peut pas être gardé")
    expect(page.locator("#chiffres-0-valeur")).to_have_value("9,4")
    verifier_accessibilite(page, "profil du territoire : chiffre sans source")
    page.locator("#chiffres-0-source").fill("France Travail, statistiques du marché du travail")
    page.get_by_role("button", name="Enregistrer une nouvelle version").click()
    expect(page.get_by_text("Version 1 du profil du territoire enregistrée.")).to_be_visible()
    page.locator("#chiffres-0-valeur").fill("9,1")
    page.get_by_label("Ce que change cette version").fill("Chômage du deuxième trimestre")
    page.get_by_role("button", name="Enregistrer une nouvelle version").click()
    expect(page.get_by_text("Version 2 du profil du territoire enregistrée.")).to_be_visible()
    expect(page.locator("details[open]")).to_contain_text("Chômage du deuxième trimestre")
    expect(page.locator("details[open]")).to_contain_text("9,4 % (source : France Travail")
    verifier_accessibilite(page, "profil du territoire, deux versions")
    capture(page, "territoire-profil")

    page.goto(f"{serveur}/territoire/veille")
    page.get_by_label("Titre").fill("Aide au permis de conduire")
    page.locator("#nature").select_option("mesure")
    page.locator("#source").fill("France Travail")
    page.get_by_label("Date de l'information").fill(date.today().isoformat())
    page.get_by_label("Date d'échéance ou de révision").fill((date.today() - timedelta(days=2)).isoformat())
    page.get_by_label("Étiquettes").fill("mobilité, permis")
    page.get_by_role("button", name="Enregistrer la fiche").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("ne peut pas être avant la date de la fiche")
    expect(page.get_by_label("Titre")).to_have_value("Aide au permis de conduire")
    verifier_accessibilite(page, "veille : date de révision avant la fiche")
    page.get_by_label("Date d'échéance ou de révision").fill((date.today() + timedelta(days=180)).isoformat())
    page.get_by_role("button", name="Enregistrer la fiche").click()
    expect(page).to_have_url(re.compile(rf"/territoire/veille/{UUID}$"))
    page.get_by_label("Relier la fiche à").select_option(index=1)
    page.get_by_role("button", name="Relier").click()
    expect(page.get_by_text("Fiche reliée : orientation vers un partenaire.")).to_be_visible()
    verifier_accessibilite(page, "fiche de veille reliée")
    # search as you type (htmx swaps the results)
    page.goto(f"{serveur}/territoire/veille")
    page.locator("#q").press_sequentially("permis")
    expect(page.locator("#resultats")).to_contain_text("Aide au permis de conduire")
    verifier_accessibilite(page, "recherche dans la veille")

    page.goto(f"{serveur}/accueil/partenaires/{partenaire.id}")
    expect(page.locator("#t-orientations + p")).to_contain_text("1 orientation — 1 acceptée")
    expect(page.get_by_role("table", name="Orientations des personnes que vous suivez")).to_contain_text("Durand")
    verifier_accessibilite(page, "partenaire et ses orientations")

    page.goto(f"{serveur}/territoire/cartographie")
    expect(page.locator("svg.carte-reseau")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Le réseau par domaine"))).to_contain_text("SIAO du Nord")
    verifier_accessibilite(page, "cartographie")
    capture(page, "territoire-cartographie")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{serveur}/territoire/veille")
    verifier_accessibilite(page, "veille à 390 px")
    capture(page, "territoire-veille-390")
