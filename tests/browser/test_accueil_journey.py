"""Accueil et diagnostic partagé in a real browser, axe-core on every page visited:
file active → new person (duplicate warning) → accueil with an urgency → immediate
action → diagnostic across several dimensions → validation by the person →
synthèse PDF (text checked) → orientation to a partner → the person's timeline."""
from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.factories.accueil import personne as creer_personne
from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def _dimension(page, libelle):
    return page.locator("details.dimension").filter(has=page.locator("legend", has_text=re.compile(f"^{re.escape(libelle)}$")))


def test_accueil_diagnostic_synthese_orientation(serveur, fabrique, page, tmp_path):
    structure = fabrique.structure(nom="Atelier d'insertion des Weppes")
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    creer_personne(fabrique.session, conseiller, nom="Dupont", prenom="Élodie", naissance=date(1990, 1, 2))
    fabrique.session.commit()
    hier = (date.today() - timedelta(days=1)).isoformat()

    connecter(page, serveur, conseiller.email)
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="File active").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ma file active")
    verifier_accessibilite(page, "file active")

    # Recherche active (htmx) : la liste se met à jour sans recharger la page
    page.evaluate("() => { window.pasRecharge = true; }")
    page.get_by_label("Rechercher").fill("dupo")
    expect(page.locator("#resultats")).to_contain_text("Dupont Élodie")
    page.get_by_label("Rechercher").fill("zzz")
    expect(page.locator("#resultats")).to_contain_text("Aucune personne ne correspond.")
    assert page.evaluate("() => window.pasRecharge === true")
    expect(page).to_have_url(re.compile(r"q=zzz"))

    # Nouvelle personne : le doublon probable est signalé avant l'enregistrement
    page.get_by_role("link", name="Nouvelle personne").click()
    verifier_accessibilite(page, "nouvelle personne")
    page.get_by_label("Nom de naissance").fill("DUPONT")
    page.get_by_label("Prénom").fill("Elodie")
    page.get_by_label("Date de naissance").fill("1990-01-02")
    page.get_by_label("Téléphone").fill("06 12 34 56 78")
    # Sexe and niveau de formation start on « — choisir — » and must be chosen (FSE+ figures).
    page.get_by_label("Sexe").select_option("femme")
    page.get_by_label("Niveau de formation").select_option("cite_3_4")
    page.get_by_label("Résident d'un quartier prioritaire (QPV)").check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_role("heading", name="Doublon probable")).to_be_visible()
    expect(page.get_by_label("Nom de naissance")).to_have_value("DUPONT")
    verifier_accessibilite(page, "avertissement de doublon")
    capture(page, "accueil-doublon")
    page.get_by_label("Je confirme qu'il s'agit d'une autre personne").check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page).to_have_url(re.compile(rf"/accueil/personnes/{UUID}$"))
    fiche = page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Elodie DUPONT")
    verifier_accessibilite(page, "fiche de la personne")

    # Accueil avec une urgence : d'abord sans action (refusé), puis action différée, puis traitée
    page.get_by_role("link", name="Nouvel accueil").click()
    page.get_by_label("Date de l'accueil").fill(hier)
    page.get_by_label("Demande exprimée").fill("Je veux travailler dans la logistique.")
    page.get_by_label("Accès aux services dématérialisés").check()
    page.get_by_label("Urgence repérée : hébergement").check()
    verifier_accessibilite(page, "formulaire d'accueil")
    page.get_by_role("button", name="Enregistrer l'accueil").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("appelle une action immédiate")
    expect(page.get_by_label("Demande exprimée")).to_have_value("Je veux travailler dans la logistique.")
    verifier_accessibilite(page, "accueil refusé")
    page.locator("#urgence_hebergement_differee").check()
    page.get_by_role("button", name="Enregistrer l'accueil").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accueil du")
    accueil_url = page.url
    page.goto(fiche)
    expect(page.get_by_role("alert")).to_contain_text("Urgence non traitée : hébergement")
    page.goto(f"{serveur}/accueil/")
    expect(page.locator("#resultats")).to_contain_text("Urgence non traitée : hébergement")
    page.goto(accueil_url)
    page.get_by_label("Date de l'action").fill(date.today().isoformat())
    page.get_by_label("Qui a été appelé").fill("115 / SIAO")
    page.get_by_label("Action menée").fill("Appel au 115 avec la personne : mise à l'abri ce soir.")
    verifier_accessibilite(page, "accueil avec urgence ouverte")
    page.get_by_role("button", name="Enregistrer l'action").click()
    expect(page.get_by_text("l'alerte est levée")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Hébergement — traitée le"))).to_be_visible()
    capture(page, "accueil-urgence-traitee")

    # Diagnostic partagé sur plusieurs dimensions, puis validation par la personne
    page.goto(fiche)
    page.get_by_role("link", name="Diagnostic partagé").click()
    page.get_by_label("Date de l'entretien de diagnostic").fill(hier)
    page.get_by_role("button", name="Commencer le diagnostic").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("version 1")
    # Issue #11, point 3: the urgency noted at the accueil opens « logement », pre-filled; the
    # conseiller unfolds the other dimensions of the day, the rest stays folded.
    expect(_dimension(page, "Hébergement / logement").get_by_label("Situation")).to_have_value(
        re.compile("Urgence « hébergement » repérée à l'accueil"))
    expect(_dimension(page, "Justice").get_by_label("Situation")).to_be_hidden()
    page.get_by_label("Mobilité").check()
    page.get_by_label("Emploi et expérience").check()
    page.get_by_role("button", name="Ouvrir ces dimensions").click()
    mobilite = _dimension(page, "Mobilité")
    mobilite.get_by_label("Freins").fill("Pas de permis ; horaires décalés inaccessibles")
    mobilite.get_by_label("Niveau de frein").select_option("3")
    logement = _dimension(page, "Hébergement / logement")
    logement.get_by_label("Situation").fill("Mise à l'abri par le 115, demande SIAO en cours")
    logement.get_by_label("Niveau de frein").select_option("2")
    emploi = _dimension(page, "Emploi et expérience")
    emploi.get_by_label("Atouts").fill("Trois ans de préparation de commandes")
    emploi.get_by_label("Niveau d'atout").select_option("3")
    page.get_by_label("Ce que dit la personne").fill("« Si j'ai un toit, je peux tout faire. »")
    verifier_accessibilite(page, "saisie du diagnostic")
    capture(page, "diagnostic-saisie")
    page.get_by_role("button", name="Enregistrer le diagnostic").click()
    expect(page.get_by_role("heading", name="Freins encore ouverts (2)")).to_be_visible()
    page.get_by_label("Comment l'accord a été obtenu").select_option("orale")
    page.get_by_role("button", name="Enregistrer la validation").click()
    expect(page.get_by_text("Version 1 du diagnostic validée avec la personne.")).to_be_visible()
    expect(page.locator(".etat-version")).to_contain_text("Validé avec la personne")
    expect(page.get_by_role("heading", name="Distance parcourue")).to_be_visible()
    verifier_accessibilite(page, "diagnostic validé")
    capture(page, "diagnostic-valide")

    # Synthèse d'entretien, téléchargée en PDF et relue
    page.goto(fiche)
    page.get_by_role("link", name="Synthèse d'entretien").click()
    page.get_by_label("Date de l'entretien").fill(hier)
    page.get_by_label("Objet de l'entretien").fill("Entretien de diagnostic")
    page.get_by_role("textbox", name="Faits", exact=True).fill("Mme Dupont a apporté son CV. Elle est hébergée par le 115 depuis hier.")
    page.get_by_label("Analyse du conseiller (opinion)").fill("Hypothèse : fatigue liée à l'hébergement.")
    page.get_by_label("Suites convenues").fill("Atelier CV mardi ; point SIAO vendredi.")
    verifier_accessibilite(page, "nouvelle synthèse")
    page.get_by_role("button", name="Enregistrer la synthèse").click()
    with page.expect_download() as telechargement:
        page.get_by_role("link", name=re.compile("Télécharger le PDF")).click()
    chemin = tmp_path / "synthese.pdf"
    telechargement.value.save_as(chemin)
    texte = subprocess.run(["pdftotext", str(chemin), "-"], check=True, capture_output=True, text=True).stdout
    assert "Synthèse d'entretien" in texte and "Elodie DUPONT" in texte and "hébergée par le 115" in texte
    assert "Atelier d'insertion des Weppes" in texte
    assert "fatigue" not in texte  # the analysis was not agreed to be shared
    # A link that ends in a download can leave Chromium's page waiting for a "load" that never
    # comes (seen once in a full run): start again from the synthesis page itself.
    page.goto(page.url)
    page.get_by_label("Mode de remise").select_option("main_propre")
    verifier_accessibilite(page, "synthèse")
    page.get_by_role("button", name="Enregistrer la remise").click()
    expect(page.get_by_text(re.compile(r"Remise le \d\d/\d\d/\d{4}"))).to_be_visible()

    # Un partenaire du répertoire, puis l'orientation avec le consentement de la personne
    page.goto(f"{serveur}/accueil/partenaires")
    page.get_by_label("Nom du partenaire").fill("SIAO du Nord")
    page.get_by_label("Type").fill("SIAO")
    page.get_by_label("Hébergement / logement").check()
    page.get_by_label("Téléphone").fill("03 20 11 22 33")
    verifier_accessibilite(page, "répertoire des partenaires")
    page.get_by_role("button", name="Ajouter au répertoire").click()
    expect(page.get_by_role("cell", name="03 20 11 22 33")).to_be_visible()
    page.goto(fiche)
    page.get_by_role("link", name="Orienter vers un partenaire").click()
    page.get_by_label("Partenaire", exact=True).select_option(label="SIAO du Nord (SIAO)")
    page.get_by_label("Motif de l'orientation").fill("Hébergement stable")
    page.get_by_label("Informations transmises au partenaire").fill("Mise à l'abri par le 115 depuis le " + hier)
    page.get_by_label("La personne consent").check()
    page.get_by_label("Date du consentement").fill(hier)
    page.get_by_label("Comment le consentement a été recueilli").fill("Accord oral, fiche relue ensemble")
    verifier_accessibilite(page, "nouvelle orientation")
    page.get_by_role("button", name="Enregistrer l'orientation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Orientation vers SIAO du Nord")
    verifier_accessibilite(page, "orientation")

    # La chronologie de la personne montre tout, du plus récent au plus ancien
    page.goto(fiche)
    chronologie = page.locator(".chronologie")
    for attendu in ("Orientation vers SIAO du Nord", "Synthèse d'entretien : Entretien de diagnostic",
                    "Diagnostic partagé, version 1 validée", "Urgence repérée : Hébergement",
                    "Accueil individuel (sur place)"):
        expect(chronologie).to_contain_text(attendu)
    expect(page.get_by_role("alert")).to_have_count(0)
    verifier_accessibilite(page, "chronologie")
    capture(page, "accueil-chronologie")
