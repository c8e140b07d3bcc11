"""Issue 4 in a real browser: from a validated diagnostic to the exit, axe-core on every page."""
from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTEFACTS, capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def _diagnostic_valide(ctx, conseiller, personne):
    """A validated diagnostic with two freins, through the accueil module's services."""
    from cipdesk.accueil.diagnostic import services as diag

    jour = date.today() - timedelta(days=61)
    d = diag.ouvrir_version(ctx, par=conseiller, personne=personne, le=jour, aujourd_hui=date.today())
    diag.enregistrer(ctx, par=conseiller, diagnostic=d, date_diagnostic=jour, hypotheses="Emploi en logistique",
                     paroles_personne="Je veux travailler vite", aujourd_hui=date.today(), version=d.version,
                     saisies=[diag.SaisieDimension("mobilite", situation="Sans voiture", freins="Pas de permis B",
                                                   frein_niveau=3),
                              diag.SaisieDimension("logement", situation="Chez un tiers",
                                                   freins="Hébergée chez sa sœur", frein_niveau=2)])
    ctx.flush()
    diag.valider(ctx, par=conseiller, diagnostic=d, personne=personne, valide_le=jour, mode="orale",
                 precisions="", aujourd_hui=date.today())
    ctx.commit()


def test_parcours_du_contrat_a_la_sortie(serveur, fabrique, ctx, page):
    structure = fabrique.structure()
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    personne = fabrique.personne(structure, referent=conseiller, nom="Moreau", prenom="Inès")
    _diagnostic_valide(ctx, conseiller, personne)
    debut = date.today() - timedelta(days=60)
    note = "Évoque une dette de loyer, ne pas en parler à l'employeur [nav-7c1]"

    connecter(page, serveur, conseiller.email)
    page.goto(f"{serveur}/parcours/")
    verifier_accessibilite(page, "liste des parcours")
    page.get_by_role("link", name=re.compile("Contractualiser un parcours")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contractualiser le parcours de Inès Moreau")
    expect(page.get_by_text("Pas de permis B")).to_be_visible()
    verifier_accessibilite(page, "contractualisation")
    page.get_by_label("Dispositif").select_option("plie")
    # Issue #11, point 4: the dispositif's template fills the engagements (htmx), adjusted below.
    expect(page.get_by_label("Engagements de la structure")).to_have_value(re.compile("PLIE"))
    page.get_by_label("Début du parcours").fill(debut.isoformat())
    page.get_by_label("Fin prévue").fill((debut + timedelta(days=365)).isoformat())
    page.get_by_label("Objectifs du parcours").fill("Emploi durable en logistique")
    page.get_by_label("Engagements de la personne").fill("Venir aux rendez-vous")
    page.get_by_label("Engagements de la structure").fill("Un entretien toutes les trois semaines")
    page.get_by_role("button", name="Ouvrir le parcours").click()
    expect(page.get_by_text("Parcours ouvert.")).to_be_visible()
    parcours_url = page.url
    expect(page.get_by_text("2 frein(s) du diagnostic sans étape")).to_be_visible()
    verifier_accessibilite(page, "parcours ouvert")

    # the contract as a PDF, then its signature date
    pdf = page.request.get(f"{parcours_url}/contrat.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / "contrat.pdf").write_bytes(pdf.body())
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(ARTEFACTS / "contrat.pdf"), str(ARTEFACTS / "contrat")],
                   check=True)
    page.get_by_label("Date de signature du contrat").fill(date.today().isoformat())
    page.get_by_role("button", name="Enregistrer la signature").click()
    expect(page.get_by_text("Date de signature enregistrée.")).to_be_visible()

    # étapes linked to the freins (one already late, for the alerts)
    for intitule, frein, echeance in (("Inscription à l'auto-école sociale", "mobilite", date.today() - timedelta(days=2)),
                                      ("Demande de logement social", "logement", date.today() + timedelta(days=40))):
        page.get_by_role("link", name="Nouvelle étape").click()
        verifier_accessibilite(page, "nouvelle étape")
        page.get_by_label("Type d'étape").select_option("levee_frein")
        page.get_by_label("Étape (ce qui est à faire)").fill(intitule)
        page.get_by_label("Échéance").fill(echeance.isoformat())
        page.get_by_label("Frein du diagnostic auquel l'étape répond").select_option(frein)
        page.get_by_role("button", name="Ajouter l'étape").click()
        expect(page.get_by_text(f"Étape « {intitule} » ajoutée.")).to_be_visible()
    expect(page.get_by_text("Chaque frein ouvert du diagnostic a au moins une étape.")).to_be_visible()

    # alerts on the home page
    page.goto(f"{serveur}/")
    expect(page.locator(".mes-alertes")).to_contain_text("1 étape(s) en retard")
    verifier_accessibilite(page, "accueil avec alertes")
    page.goto(parcours_url)

    # three entretiens, the first with a confidential note
    for i, type_entretien in enumerate(("contractualisation", "suivi", "projet")):
        page.get_by_role("link", name="Nouvel entretien").click()
        if i == 0:
            verifier_accessibilite(page, "nouvel entretien")
        page.get_by_label("Date de l'entretien").fill((date.today() - timedelta(days=30 - 10 * i)).isoformat())
        page.get_by_label("Durée (minutes)").fill("45")
        page.get_by_label("Type d'entretien").select_option(type_entretien)
        page.get_by_label("Objectif de l'entretien").fill(f"Objectif de l'entretien {i + 1}")
        page.get_by_label("Synthèse partageable avec la personne").fill(f"Synthèse {i + 1}")
        if i == 0:
            page.get_by_label(re.compile("Note confidentielle")).fill(note)
        page.get_by_role("button", name="Enregistrer l'entretien").click()
        expect(page.get_by_text("Entretien enregistré")).to_be_visible()
    expect(page.get_by_role("heading", name="Entretiens de suivi (3)")).to_be_visible()
    expect(page.get_by_text(note)).to_have_count(0)
    page.locator("ol.entretiens a").first.click()
    expect(page.locator(".contenu-note")).to_have_text(note)
    verifier_accessibilite(page, "entretien avec note confidentielle")
    page.get_by_role("link", name="Retour au parcours").click()

    # réajuster an étape: why and what changed
    page.get_by_role("link", name="Réajuster « Inscription à l'auto-école sociale »").click()
    verifier_accessibilite(page, "réajustement")
    page.get_by_label("Pourquoi réajuster").fill("Délai d'attente de deux mois à l'auto-école")
    page.get_by_label("Échéance").fill((date.today() + timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Enregistrer le réajustement").click()
    expect(page.get_by_text("Étape réajustée")).to_be_visible()
    page.get_by_text("Historique (2)").click()
    expect(page.get_by_text("Délai d'attente de deux mois à l'auto-école", exact=False)).to_be_visible()
    verifier_accessibilite(page, "parcours après réajustement")
    capture(page, "parcours")

    # projet professionnel: two métiers, an immersion, the validated project
    page.get_by_role("navigation", name="Rubriques du parcours").get_by_role("link", name="Projet professionnel").click()
    page.get_by_role("button", name="Démarrer l'accompagnement du projet").click()
    verifier_accessibilite(page, "projet professionnel")
    page.get_by_label("Métier (code ROME)").select_option("N1103")
    page.get_by_role("button", name="Ajouter le métier").click()
    page.get_by_label("Ou métier décrit librement").fill("Cariste en entrepôt frigorifique")
    page.get_by_role("button", name="Ajouter le métier").click()
    expect(page.get_by_role("heading", name="Métiers explorés (2)")).to_be_visible()
    page.get_by_label("Confrontation à la réalité").select_option("immersion")
    page.get_by_label("Métier concerné").select_option(label="Magasinage et préparation de commandes")
    page.get_by_label("Employeur").fill("Entrepôts du Nord")
    page.get_by_label("Date (début)").fill((date.today() - timedelta(days=12)).isoformat())
    page.get_by_label("Fin (pour une immersion)").fill((date.today() - timedelta(days=5)).isoformat())
    page.get_by_label("Résultat").fill("Concluante")
    page.get_by_role("button", name="Enregistrer la confrontation").click()
    expect(page.get_by_text("Immersion (PMSMP) enregistrée.")).to_be_visible()
    metier = page.locator("article.metier").first
    metier.get_by_label("Faisabilité").select_option("realiste")
    metier.get_by_label("Ce qui fonde cette appréciation").fill("Immersion concluante, secteur qui recrute")
    metier.get_by_role("button", name=re.compile("Apprécier la faisabilité")).click()
    page.get_by_label("Projet professionnel validé").fill("Préparateur de commandes (N1103) en CDI")
    page.get_by_role("button", name="Valider le projet").click()
    expect(page.get_by_text("Projet professionnel validé.")).to_be_visible()
    verifier_accessibilite(page, "projet validé")

    # plan d'action
    page.get_by_role("navigation", name="Rubriques du parcours").get_by_role("link", name="Plan d'action").click()
    page.get_by_label("Nature de l'action").select_option("formation")
    page.get_by_role("textbox", name="Action", exact=True).fill("CACES R489")
    page.get_by_label("Organisme de formation ou employeur").fill("AFPA Lille")
    page.get_by_label("Financement", exact=True).select_option("cpf")
    page.get_by_label("Échéance").fill((date.today() + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Ajouter au plan d'action").click()
    expect(page.get_by_text("Action ajoutée au plan : CACES R489.")).to_be_visible()
    verifier_accessibilite(page, "plan d'action")

    # exit in « emploi durable »; the open étapes must be dealt with
    page.goto(parcours_url)
    page.get_by_role("link", name="Bilan et sortie du parcours").click()
    verifier_accessibilite(page, "sortie")
    page.get_by_label("Bilan du parcours").fill("Projet validé et emploi trouvé.")
    page.get_by_label("Motif de sortie (et sa catégorie)").select_option("cdi")
    page.get_by_role("button", name="Clore le parcours").click()
    expect(page.get_by_text("dites ce qu'elles deviennent").first).to_be_visible()
    verifier_accessibilite(page, "sortie avec erreur")
    page.get_by_label("Que deviennent les étapes encore ouvertes ?").select_option("annuler")
    page.get_by_role("button", name="Clore le parcours").click()
    expect(page.get_by_text("Parcours clos : emploi durable.")).to_be_visible()
    verifier_accessibilite(page, "parcours clos")

    # the alerts are gone
    page.goto(f"{serveur}/")
    expect(page.locator(".mes-alertes")).to_contain_text("Aucune alerte.")
