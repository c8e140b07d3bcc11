"""Issue 12 in a real browser: need → atelier → progression (reordered with the keyboard) →
session → émargement PDF → attendance → evaluation → bilan, with axe-core on every page."""
from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTEFACTS, capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def _pdf_en_png(contenu: bytes, nom: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / f"{nom}.pdf").write_bytes(contenu)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(ARTEFACTS / f"{nom}.pdf"),
                    str(ARTEFACTS / nom)], check=False)


def test_atelier_du_besoin_au_bilan(serveur, fabrique, ctx, page, nouveau_contexte):
    from cipdesk.personnes.models import StatutPersonne
    from tests.factories.accueil import diagnostic, personne as creer_personne

    structure = fabrique.structure()
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    c = ctx.merge(conseiller)
    personne = creer_personne(ctx, c, nom="Moreau", prenom="Inès")
    personne.statut = StatutPersonne.ACCOMPAGNEE
    diagnostic(ctx, c, personne, valider=True, freins={"mobilite": 3})
    ctx.commit()

    connecter(page, serveur, conseiller.email)
    page.goto(f"{serveur}/ateliers/")
    expect(page.get_by_text(re.compile("1 personne de la file active de l'équipe a un frein"))).to_be_visible()
    verifier_accessibilite(page, "ateliers et besoins")
    page.get_by_role("link", name="concevoir un atelier sur ce besoin").click()
    verifier_accessibilite(page, "analyse de la demande")
    page.get_by_label("Titre de l'atelier").fill("Se déplacer pour travailler")
    page.get_by_label("Caractéristiques du public").fill("Personnes sans permis, en zone rurale")
    page.get_by_label("Nombre de places minimum").fill("3")
    page.get_by_label("Nombre de places maximum").fill("8")
    page.get_by_label("Durée d'une session (minutes)").fill("180")
    page.get_by_label("Présentiel ou distanciel").select_option("presentiel")
    page.get_by_label("Objectif général").fill("Connaître les solutions de mobilité du territoire")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Atelier créé.")).to_be_visible()
    verifier_accessibilite(page, "page de l'atelier")

    page.get_by_text("Ajouter un objectif pédagogique").click()
    page.get_by_label("Le participant sera capable de").fill("trouver un trajet en transport en commun")
    page.get_by_label("Comment l'atteinte est évaluée").fill("Exercice sur le site du réseau régional")
    page.get_by_role("button", name="Ajouter l'objectif").click()
    for titre, duree, methode in (("Tour de table", "30", "interrogative"), ("Exercice trajets", "90", "active")):
        page.get_by_text("Ajouter une séquence").click()
        page.get_by_label("Titre de la séquence").fill(titre)
        page.get_by_label("Durée (minutes)").fill(duree)
        page.get_by_label("Méthode pédagogique").select_option(methode)
        page.get_by_label("Modalité de travail").select_option("collectif")
        page.get_by_label("Présentiel ou distanciel").select_option("presentiel")
        page.get_by_role("button", name="Ajouter la séquence").click()
        expect(page.get_by_text("Séquence ajoutée.")).to_be_visible()
    expect(page.locator("#progression .encadre")).to_contain_text("il reste 1 h à construire")
    # reorder with the keyboard: focus the button, press Enter
    page.get_by_role("button", name="Monter la séquence « Exercice trajets »").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    lignes = page.locator("#progression tbody tr")
    expect(lignes.nth(0)).to_contain_text("Exercice trajets")
    verifier_accessibilite(page, "progression")
    # a séquence stays editable; the total is checked again (a warning, not a block)
    page.get_by_role("link", name="Modifier la séquence « Tour de table »").click()
    verifier_accessibilite(page, "modifier une séquence")
    page.get_by_label("Durée (minutes)").fill("60")
    page.get_by_role("button", name="Enregistrer la séquence").click()
    expect(page.get_by_text(re.compile("Séquence modifiée. La progression dure 2 h 30, moins que la durée prévue"))
           ).to_be_visible()
    capture(page, "ateliers-atelier-1280")

    page.get_by_role("link", name="Programmer une session").click()
    hier = date.today() - timedelta(days=1)
    page.get_by_label("Date").fill(hier.isoformat())
    page.get_by_label("Demi-journée").select_option("matin")
    page.get_by_label("Heure de début").fill("09:00")
    page.get_by_label("Heure de fin").fill("12:00")
    verifier_accessibilite(page, "programmer une session")
    page.get_by_role("button", name="Programmer la session").click()
    expect(page.get_by_text("Session programmée.")).to_be_visible()
    page.get_by_label("Personne de la file active").select_option(label="Inès Moreau")
    page.get_by_role("button", name="Inscrire").click()
    expect(page.get_by_text("Inès Moreau est inscrit·e.")).to_be_visible()
    verifier_accessibilite(page, "session")

    lien = page.get_by_role("link", name="Feuille d'émargement (PDF)").get_attribute("href")
    reponse = page.request.get(f"{serveur}{lien}")
    assert reponse.status == 200 and reponse.body().startswith(b"%PDF")
    _pdf_en_png(reponse.body(), "ateliers-emargement")

    page.get_by_role("link", name="Saisir les présences").click()
    verifier_accessibilite(page, "grille de présence")
    capture(page, "ateliers-grille-1280")
    page.set_viewport_size({"width": 390, "height": 844})   # a phone: the grid stays usable
    verifier_accessibilite(page, "grille de présence à 390 px")
    capture(page, "ateliers-grille-390")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Présent·e").check()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page.get_by_text(re.compile("Présences enregistrées"))).to_be_visible()

    page.get_by_role("link", name=re.compile("Évaluer les objectifs")).click()
    verifier_accessibilite(page, "évaluation des objectifs")
    page.get_by_label("Atteint", exact=True).check()
    page.get_by_role("button", name="Enregistrer l'évaluation").click()
    expect(page.get_by_text(re.compile("Évaluation de Inès Moreau enregistrée"))).to_be_visible()

    lien = page.get_by_role("link", name=re.compile("Attestation avec les objectifs atteints")).get_attribute("href")
    reponse = page.request.get(f"{serveur}{lien}")
    assert reponse.status == 200 and reponse.body().startswith(b"%PDF")
    _pdf_en_png(reponse.body(), "ateliers-attestation")
    texte_pdf = subprocess.run(["pdftotext", "-layout", str(ARTEFACTS / "ateliers-attestation.pdf"), "-"],
                               capture_output=True, text=True).stdout
    assert "trouver un trajet en transport en commun : atteint" in texte_pdf

    # satisfaction à chaud on a shared tablet: a short-lived link that shows nothing else
    page.get_by_role("link", name="Questionnaire sur tablette").click()
    verifier_accessibilite(page, "liens du questionnaire")
    page.get_by_label("Questionnaire").select_option("a_chaud")
    page.get_by_role("button", name="Ouvrir le lien").click()
    expect(page.get_by_text(re.compile("Lien ouvert"))).to_be_visible()
    adresse = page.get_by_label("Adresse du questionnaire à ouvrir sur la tablette").input_value()
    tablette = nouveau_contexte().new_page()
    tablette.set_viewport_size({"width": 390, "height": 844})
    tablette.goto(adresse)
    expect(tablette.get_by_role("heading", name=re.compile("Votre avis sur l'atelier"))).to_be_visible()
    assert tablette.get_by_role("navigation").count() == 0 and tablette.get_by_role("link").count() == 0
    verifier_accessibilite(tablette, "questionnaire sur tablette")
    capture(tablette, "ateliers-tablette-390")
    tablette.get_by_label("4 — Très satisfait·e").check()
    tablette.get_by_role("button", name="Envoyer ma réponse").click()
    expect(tablette.get_by_text(re.compile("votre réponse est enregistrée"))).to_be_visible()
    page.get_by_role("link", name=re.compile("Session « ")).click()

    page.get_by_role("link", name="Bilan de l'atelier").click()
    expect(page.get_by_text("100,0 %")).to_be_visible()
    expect(page.get_by_text("4,0 sur 4 (1 questionnaire)")).to_be_visible()
    page.get_by_label("Écarts avec ce qui était prévu").fill("L'exercice a pris plus de temps que prévu.")
    page.get_by_role("button", name="Enregistrer le bilan").click()
    expect(page.get_by_text("Bilan de l'atelier enregistré.")).to_be_visible()
    verifier_accessibilite(page, "bilan")
    capture(page, "ateliers-bilan")
    page.get_by_role("link", name=re.compile("Session « ")).click()
    page.set_viewport_size({"width": 390, "height": 844})
    verifier_accessibilite(page, "session à 390 px")
    capture(page, "ateliers-session-390")
    trop_larges = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.tableau-defilant'))
        .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))""")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390, trop_larges  # tables scroll in their box
