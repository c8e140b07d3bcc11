"""Employeurs in a real browser, axe-core on every page: entreprise (invalid SIRET then
valid) → search as you type → exchange → fiche de poste → offer with a flagged wording
→ fixed → diffused → candidature for a person of one's caseload."""
from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_entreprise_offre_signalee_corrigee_candidature(serveur, fabrique, page):
    from cipdesk.personnes.models import StatutPersonne

    structure = fabrique.structure()
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    personne = fabrique.personne(structure, referent=conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    aujourd_hui = date.today().isoformat()
    connecter(page, serveur, conseiller.email)

    page.goto(f"{serveur}/employeurs/")
    verifier_accessibilite(page, "employeurs")
    page.get_by_role("link", name="Base des entreprises").click()
    page.get_by_role("link", name="Nouvelle entreprise").click()
    page.get_by_label("Raison sociale").fill("Boulangerie du Forum")
    page.get_by_label("SIRET de l'établissement").fill("732 829 320 00075")
    page.get_by_label("Code NAF (APE)").fill("1071c")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".resume-erreurs")).to_contain_text("clé de contrôle est fausse")
    expect(page.get_by_label("Raison sociale")).to_have_value("Boulangerie du Forum")
    verifier_accessibilite(page, "entreprise : SIRET invalide")
    page.get_by_label("SIRET de l'établissement").fill("732 829 320 00074")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page).to_have_url(re.compile(rf"/employeurs/entreprises/{UUID}$"))
    entreprise_url = page.url
    expect(page.get_by_text("Boulangerie et boulangerie-pâtisserie")).to_be_visible()
    verifier_accessibilite(page, "fiche entreprise")

    # search as you type (htmx swaps the results)
    page.goto(f"{serveur}/employeurs/entreprises/")
    page.locator("#q").press_sequentially("forum")
    expect(page.locator("#resultats")).to_contain_text("Boulangerie du Forum")
    verifier_accessibilite(page, "recherche d'entreprises")

    # an exchange with its next action
    page.goto(entreprise_url)
    page.get_by_role("link", name="Noter un échange").click()
    page.get_by_label("Type d'échange").select_option("visite")
    page.get_by_label("Date de l'échange").fill(aujourd_hui)
    page.locator("#objet").fill("Présentation de la structure")
    page.get_by_label("Prochaine action", exact=True).fill("Envoyer la plaquette")
    page.get_by_label("Échéance de la prochaine action").fill(aujourd_hui)
    verifier_accessibilite(page, "nouvel échange")
    page.get_by_role("button", name="Enregistrer l'échange").click()
    expect(page.get_by_text("Envoyer la plaquette")).to_be_visible()

    # fiche de poste → offer with a flagged wording
    page.get_by_role("link", name="Analyser un besoin de recrutement").click()
    page.get_by_label("Date de l'entretien d'analyse du besoin").fill(aujourd_hui)
    page.get_by_label("Besoin de recrutement exprimé par l'employeur").fill("Renfort pour la saison")
    page.get_by_label("Intitulé du poste").fill("Vendeur")
    page.get_by_label("Code ROME (facultatif)").fill("D1106")
    page.locator("#missions").fill("Vente au comptoir")
    page.locator("#type_contrat").select_option("cdd")
    verifier_accessibilite(page, "fiche de poste")
    page.get_by_role("button", name="Enregistrer la fiche de poste").click()
    page.get_by_role("link", name="Rédiger l'offre").click()
    page.get_by_label("Texte de l'offre").fill("Jeune et dynamique, bonne présentation.")
    page.get_by_label("Nombre de postes").fill("1")
    page.get_by_label("Ouverte le").fill(aujourd_hui)
    page.get_by_role("button", name="Enregistrer et vérifier").click()
    expect(page.get_by_text("3 formulations signalées")).to_be_visible()
    verifier_accessibilite(page, "offre signalée")
    capture(page, "offre-signalee")

    # fixed, then diffused
    page.get_by_role("link", name="Modifier l'offre").click()
    page.get_by_label("Intitulé de l'offre").fill("Vendeur (H/F)")
    page.get_by_label("Texte de l'offre").fill("Débutant accepté, formation assurée.")
    page.get_by_role("button", name="Enregistrer et vérifier").click()
    expect(page.get_by_text("Aucune formulation signalée.")).to_be_visible()
    page.get_by_role("button", name="Diffuser l'offre").click()
    expect(page.get_by_text("Offre diffusée.")).to_be_visible()

    # a candidature for a person of the caseload
    page.get_by_role("link", name="Proposer une candidature").click()
    page.get_by_label("Personne accompagnée").select_option(str(personne.id))
    page.get_by_label("Proposée le").fill(aujourd_hui)
    verifier_accessibilite(page, "proposer une candidature")
    page.get_by_role("button", name="Proposer").click()
    expect(page.get_by_text("Candidature proposée.")).to_be_visible()
    verifier_accessibilite(page, "candidature")

    # a contact (tutor) and an immersion (PMSMP) convention, then its PDF
    page.goto(entreprise_url)
    page.get_by_role("link", name="Ajouter un contact").click()
    page.locator("#nom").fill("Roux")
    page.locator("#role").select_option("tuteur")
    page.locator("#mode_prefere").select_option("telephone")
    page.locator("#telephone").fill("04 90 00 00 00")
    verifier_accessibilite(page, "nouveau contact")
    page.get_by_role("button", name="Ajouter le contact").click()
    page.get_by_role("link", name="Préparer une immersion (PMSMP)").click()
    page.locator("#personne_id").select_option(str(personne.id))
    page.locator("#tuteur_id").select_option(index=1)
    page.locator("#prescripteur").fill("France Travail")
    page.locator("#objectif").select_option("confirmer")
    page.locator("#debut").fill(aujourd_hui)
    page.locator("#fin").fill(aujourd_hui)
    page.locator("#horaires").fill("8 h – 12 h")
    page.locator("#lieu").fill("Arles")
    page.locator("#taches").fill("Vente")
    page.locator("#modalites_evaluation").fill("Grille avec la tutrice")
    verifier_accessibilite(page, "convention d'immersion")
    page.get_by_role("button", name="Enregistrer la convention").click()
    expect(page.get_by_text("Convention d'immersion enregistrée en brouillon.")).to_be_visible()
    verifier_accessibilite(page, "immersion")

    # a prospection action with its ROME targets, planning and indicators
    page.goto(f"{serveur}/employeurs/prospection/nouvelle")
    verifier_accessibilite(page, "nouvelle action de prospection")
    page.locator("#titre").fill("Commerce alimentaire 2026")
    page.locator("#debut").fill(aujourd_hui)
    page.locator("#fin").fill("2027-06-30")
    page.locator("#objectifs").fill("Ouvrir cinq commerces alimentaires")
    page.locator("#diagnostic_territoire").fill("Tension sur les métiers de la vente alimentaire")
    page.locator("#sources_diagnostic").fill("France Travail, BMO 2026")
    for champ, valeur in (("#cible_contacts", "20"), ("#cible_visites", "8"), ("#cible_offres", "4"),
                          ("#cible_placements", "2")):
        page.locator(champ).fill(valeur)
    page.get_by_role("button", name="Enregistrer l'action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Commerce alimentaire 2026")
    verifier_accessibilite(page, "action de prospection")
    capture(page, "prospection")

    # the evaluation that measures the gaps (CP12)
    page.locator("#evaluation").fill("Contacts au-dessus de l'objectif ; placements en dessous.")
    page.locator("#causes_ecarts").fill("Saison touristique tardive : recrutements décalés à juin.")
    page.locator("#section-evaluation #le").fill(aujourd_hui)
    page.get_by_role("button", name="Enregistrer l'évaluation").click()
    expect(page.get_by_text("Causes des écarts : Saison touristique tardive")).to_be_visible()
    verifier_accessibilite(page, "action de prospection évaluée")
