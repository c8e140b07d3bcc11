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


def test_atelier_du_besoin_au_bilan(serveur, fabrique, ctx, page):
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
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "ateliers-emargement.pdf").write_bytes(reponse.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(ARTEFACTS / "ateliers-emargement.pdf"),
                    str(ARTEFACTS / "ateliers-emargement")], check=False)

    page.get_by_role("link", name="Saisir les présences").click()
    verifier_accessibilite(page, "grille de présence")
    page.get_by_label("Présent·e").check()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page.get_by_text(re.compile("Présences enregistrées"))).to_be_visible()

    page.get_by_role("link", name=re.compile("Évaluer les objectifs")).click()
    verifier_accessibilite(page, "évaluation des objectifs")
    page.get_by_label("Atteint", exact=True).check()
    page.get_by_role("button", name="Enregistrer l'évaluation").click()
    expect(page.get_by_text(re.compile("Évaluation de Inès Moreau enregistrée"))).to_be_visible()

    page.get_by_role("link", name="Bilan de l'atelier").click()
    expect(page.get_by_text("100,0 %")).to_be_visible()
    page.get_by_label("Écarts avec ce qui était prévu").fill("L'exercice a pris plus de temps que prévu.")
    page.get_by_role("button", name="Enregistrer le bilan").click()
    expect(page.get_by_text("Bilan de l'atelier enregistré.")).to_be_visible()
    verifier_accessibilite(page, "bilan")
    capture(page, "ateliers-bilan")
