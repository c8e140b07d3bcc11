"""Journeys of the foundation in a real browser, with axe-core on every page visited."""
from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser

SECTIONS_CONSEILLER = ("Accueil & diagnostic", "Parcours", "Ateliers", "Employeurs", "Intégration",
                       "Mes compétences")
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def test_conseiller_navigue_et_ecrit_une_note_confidentielle(serveur, fabrique, page):
    structure = fabrique.structure()
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure))
    texte = f"Entretien du jour : dette de loyer évoquée, orientation vers l'ASS. [{uuid.uuid4().hex}]"

    # Connexion par le vrai formulaire
    page.goto(f"{serveur}/")
    expect(page).to_have_url(re.compile(r"/connexion"))  # not logged in: sent to the login page
    verifier_accessibilite(page, "page de connexion")
    connecter(page, serveur, conseiller.email)

    # Accueil : les sections du métier
    expect(page).to_have_url(f"{serveur}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bonjour {conseiller.prenom}")
    for titre in SECTIONS_CONSEILLER:
        expect(page.get_by_role("heading", level=2, name=titre, exact=True)).to_be_visible()
    verifier_accessibilite(page, "accueil du conseiller")
    capture(page, "accueil")

    # Une section construite mène à son module (Intégration, CP14)
    page.locator("#principal").get_by_role("link", name="Intégration", exact=True).click()
    expect(page).to_have_url(f"{serveur}/integration/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Intégration et maintien dans l'emploi")
    expect(page.get_by_text("Aucun suivi d'intégration.")).to_be_visible()
    verifier_accessibilite(page, "module intégration (vide)")
    capture(page, "module")

    # Notes confidentielles : écrire, être redirigé vers la note, la relire depuis la liste
    page.get_by_role("navigation", name="Navigation principale") \
        .get_by_role("link", name="Notes confidentielles").click()
    expect(page).to_have_url(f"{serveur}/notes/")
    expect(page.get_by_text("Aucune note pour l'instant.")).to_be_visible()
    verifier_accessibilite(page, "liste des notes (vide)")
    page.get_by_label("Contenu de la note confidentielle").fill(texte)
    page.get_by_role("button", name="Enregistrer la note").click()

    expect(page).to_have_url(re.compile(rf"/notes/{UUID}$"))
    note_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_text("Note confidentielle enregistrée (chiffrée).")).to_be_visible()
    expect(page.locator(".contenu-note")).to_have_text(texte)
    verifier_accessibilite(page, "note confidentielle après écriture")

    page.get_by_role("link", name="Toutes mes notes").click()
    expect(page).to_have_url(f"{serveur}/notes/")
    lignes = page.locator("table tbody tr")
    expect(lignes).to_have_count(1)
    # Colonnes : date, personne, à propos de, auteur·e, partagée avec (issue #11, point 7) ; une note libre
    expect(lignes.first.get_by_role("cell").nth(1)).to_have_text("—")
    expect(lignes.first.get_by_role("cell").nth(2)).to_have_text("Note libre")
    expect(lignes.first.get_by_role("cell").nth(3)).to_have_text("Moi")
    verifier_accessibilite(page, "liste des notes")
    capture(page, "notes")
    lignes.first.get_by_role("link", name=re.compile(r"^Lire")).click()
    expect(page).to_have_url(f"{serveur}/notes/{note_id}")
    expect(page.locator(".contenu-note")).to_have_text(texte)
    verifier_accessibilite(page, "note confidentielle relue")
    capture(page, "note")

    # Référentiel : l'index puis une compétence
    page.get_by_role("navigation", name="Navigation principale") \
        .get_by_role("link", name="Référentiel").click()
    expect(page).to_have_url(re.compile(r"/referentiel/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Référentiel du titre professionnel CIP")
    verifier_accessibilite(page, "index du référentiel")
    page.get_by_role("link", name=re.compile(r"^CP6\b")).first.click()
    expect(page).to_have_url(re.compile(r"/referentiel/competences/CP6"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("CP6")
    verifier_accessibilite(page, "compétence CP6")
    capture(page, "competence-CP6")

    # Le texte clair n'est nulle part dans la base : il y est chiffré
    from sqlalchemy import text as sql

    from cipdesk.notes.models import NoteConfidentielle

    fabrique.session.rollback()
    note = fabrique.session.get(NoteConfidentielle, uuid.UUID(note_id))
    assert note is not None and note.auteur_id == conseiller.id
    assert texte.encode() not in bytes(note.contenu_chiffre)
    lectures = fabrique.session.execute(sql(
        "SELECT count(*) FROM journal_audit WHERE action = 'lecture' AND objet_id = :id"),
        {"id": note_id}).scalar_one()
    assert lectures == 2  # after writing (redirect to the note) and from the list


def test_admin_filtre_le_journal_et_voit_la_lecture_d_une_note(serveur, fabrique, nouveau_contexte):
    structure = fabrique.structure()
    equipe = fabrique.equipe(structure)
    conseiller = fabrique.utilisateur(structure, equipe=equipe)
    admin = fabrique.utilisateur(structure, admin=True)
    texte = f"Note à tracer {uuid.uuid4().hex}"

    # Le conseiller, dans son propre navigateur, écrit puis lit une note
    page_conseiller = nouveau_contexte().new_page()
    connecter(page_conseiller, serveur, conseiller.email)
    page_conseiller.goto(f"{serveur}/notes/")
    # (the label itself is checked by the conseiller's journey above)
    page_conseiller.locator("textarea[name=contenu]").fill(texte)
    page_conseiller.get_by_role("button", name="Enregistrer la note").click()
    expect(page_conseiller).to_have_url(re.compile(rf"/notes/{UUID}$"))
    note_id = page_conseiller.url.rsplit("/", 1)[1]
    expect(page_conseiller.locator(".contenu-note")).to_have_text(texte)

    # L'admin ouvre le journal d'audit et filtre sur « Lecture » (filtre actif htmx)
    page = nouveau_contexte().new_page()
    connecter(page, serveur, admin.email)
    page.get_by_role("link", name="Journal d'audit").click()
    expect(page).to_have_url(f"{serveur}/admin/journal")
    expect(page.get_by_role("heading", level=1)).to_have_text("Journal d'audit")
    journal = page.locator("#journal")
    expect(journal.get_by_role("cell", name="Création", exact=True)).to_have_count(1)
    verifier_accessibilite(page, "journal d'audit")

    page.evaluate("() => { window.pasRecharge = true; }")  # survives an htmx swap, not a reload
    with page.expect_response(lambda r: "/admin/journal?" in r.url
                              and r.request.headers.get("hx-request") == "true") as reponse:
        page.get_by_label("Action").select_option(label="Lecture")
    assert reponse.value.status == 200
    expect(page).to_have_url(re.compile(r"/admin/journal\?.*action=lecture"))  # hx-push-url
    expect(journal.get_by_role("status")).to_have_text("1 évènement")
    lignes = journal.locator("tbody tr")
    expect(lignes).to_have_count(1)
    cellules = lignes.first.get_by_role("cell")
    expect(cellules.nth(1)).to_contain_text(conseiller.email)
    expect(cellules.nth(2)).to_contain_text(re.compile("conseill", re.I))
    expect(cellules.nth(3)).to_have_text("Lecture")
    expect(cellules.nth(4)).to_contain_text(note_id)
    expect(cellules.nth(5)).to_have_text("127.0.0.1")
    assert page.evaluate("() => window.pasRecharge === true"), "le filtre a rechargé toute la page"
    expect(page.locator("body")).not_to_contain_text(texte)  # never the content
    verifier_accessibilite(page, "journal d'audit filtré sur « Lecture »")
    capture(page, "journal")
