"""Issue #11 in a real browser, axe-core on every page: log an entretien from the person's
page and correct it (point 1), follow the alerts of the home page as conseiller and as chef
(point 5), and the same day on a phone at 390 px (point 9: compact menu, the caseload as
cards with the alerts first, tap-to-call, targets of at least 24 × 24 px)."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def _dossier(ctx, fabrique):
    """A conseiller, their chef, a person with an open parcours, an overdue étape and a phone."""
    from cipdesk.parcours.contrat import services as contrat
    from cipdesk.parcours.etapes import services as etapes
    from cipdesk.parcours.etapes.rules import Responsable

    structure = fabrique.structure()
    equipe = fabrique.equipe(structure)
    conseiller = fabrique.utilisateur(structure, equipe=equipe)
    chef = fabrique.utilisateur(structure, equipe=equipe, chef=True)
    personne = fabrique.personne(structure, referent=conseiller, nom="Lefebvre", prenom="Yasmine")
    personne.telephone, personne.email = "+33612345678", "yasmine.lefebvre@exemple.fr"
    parcours = contrat.ouvrir_parcours(ctx, personne, par=conseiller, dispositif_code="plie",
                                       debut=date.today() - timedelta(days=60), fin_prevue=None,
                                       objectifs="Emploi durable en logistique", engagements_personne="Venir",
                                       engagements_structure="Un entretien toutes les trois semaines")
    ctx.flush()
    etapes.ajouter_etape(ctx, parcours, par=conseiller, type_code="demarche_administrative",
                         intitule="Mettre à jour le dossier CAF", responsable=Responsable.PERSONNE,
                         echeance=date.today() - timedelta(days=4), frein_dimension_code="",
                         objectif="Sécuriser les ressources", le=date.today())
    ctx.commit()
    return conseiller, chef, personne, parcours


def test_un_entretien_depuis_la_fiche_puis_corrige(serveur, fabrique, ctx, page):
    conseiller, _chef, personne, parcours = _dossier(ctx, fabrique)
    connecter(page, serveur, conseiller.email)
    clics = 0
    # From the home page: the person's name in « Mes alertes » leads to their page.
    page.get_by_role("link", name="Yasmine Lefebvre").click(); clics += 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Yasmine Lefebvre")
    principale = page.get_by_role("navigation", name="Actions sur la personne").locator("a.bouton")
    expect(principale).to_have_text("Nouvel entretien")
    expect(page.get_by_role("heading", name="Étapes en cours (1)")).to_be_visible()
    verifier_accessibilite(page, "fiche de la personne")
    capture(page, "journee-fiche-1280")
    principale.click(); clics += 1
    champs = 0
    page.get_by_label("Mode").select_option("telephone"); champs += 1
    page.get_by_label("Objectif de l'entretien").fill("Point sur le dossier CAF et la formation"); champs += 1
    page.get_by_label("Synthèse partageable avec la personne").fill("Dossier CAF envoyé ; CACES à l'étude"); champs += 1
    verifier_accessibilite(page, "nouvel entretien")
    page.get_by_role("button", name="Enregistrer l'entretien").click(); clics += 1
    expect(page.get_by_text("Entretien enregistré")).to_be_visible()
    assert (clics, champs) == (3, 3)  # issue #11: 5 clicks and 7 fields before
    # The breadcrumb leads back to the person.
    fil = page.locator("p.fil")
    expect(fil.get_by_role("link", name="Yasmine Lefebvre")).to_be_visible()
    # Correct it: the previous version stays readable.
    page.locator("#entretiens").get_by_role("link", name=re.compile("Entretien")).first.click()
    page.get_by_role("link", name="Corriger l'entretien").click()
    verifier_accessibilite(page, "corriger l'entretien")
    page.get_by_label("Synthèse partageable avec la personne").fill("Dossier CAF envoyé ; CACES 1 retenu, session de mars")
    page.get_by_role("button", name="Enregistrer la correction").click()
    expect(page.get_by_text("Entretien corrigé")).to_be_visible()
    expect(page.get_by_text(re.compile(r"modifié le \d\d/\d\d/\d{4}"))).to_be_visible()
    expect(page.get_by_text("CACES 1 retenu, session de mars")).to_be_visible()
    page.get_by_text(re.compile(r"^Version 1 : saisie le")).click()
    expect(page.get_by_text("Dossier CAF envoyé ; CACES à l'étude")).to_be_visible()
    verifier_accessibilite(page, "entretien corrigé, versions précédentes dépliées")
    capture(page, "journee-entretien-corrige-1280")
    page.locator("p.fil").get_by_role("link", name="Yasmine Lefebvre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yasmine Lefebvre")
    assert f"/accueil/personnes/{personne.id}" in page.url and parcours.id


def test_les_alertes_du_chef_menent_ou_on_les_traite(serveur, fabrique, ctx, page):
    _conseiller, chef, personne, parcours = _dossier(ctx, fabrique)
    connecter(page, serveur, chef.email)
    alertes = page.locator(".mes-alertes")
    expect(alertes).to_contain_text("référent·e :")
    verifier_accessibilite(page, "accueil du chef")
    capture(page, "journee-accueil-chef-1280")
    alertes.get_by_role("link", name=re.compile(r"étape\(s\) en retard")).click()
    expect(page).to_have_url(re.compile(rf"/parcours/{parcours.id}#etapes$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.go_back()
    page.locator(".mes-alertes").get_by_role("link", name="Yasmine Lefebvre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Yasmine Lefebvre")
    # The chef sees the parcours link (which they may follow), no writing action.
    actions = page.get_by_role("navigation", name="Actions sur la personne")
    expect(actions.get_by_role("link", name="Nouvel entretien")).to_have_count(0)
    actions.get_by_role("link", name="Parcours").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "403" not in page.title()
    verifier_accessibilite(page, "parcours vu par le chef")


_AXE_CIBLES = """async () => (await axe.run(document, {runOnly: ["target-size"]})).violations"""


def test_sur_un_telephone_de_390_px(serveur, fabrique, ctx, nouveau_contexte):
    conseiller, _chef, personne, _parcours = _dossier(ctx, fabrique)
    page = nouveau_contexte().new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    connecter(page, serveur, conseiller.email)
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(page.get_by_role("navigation", name="Navigation principale")).to_be_hidden()
    verifier_accessibilite(page, "accueil à 390 px")
    capture(page, "journee-accueil-390")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    navigation = page.get_by_role("navigation", name="Navigation principale")
    expect(navigation).to_be_visible()
    verifier_accessibilite(page, "menu ouvert à 390 px")
    navigation.get_by_role("link", name="File active").click()
    ligne = page.locator("table.file-active tbody tr").first
    alertes = ligne.locator("td.cellule-alertes")
    expect(alertes).to_contain_text("en retard")
    boite_nom, boite_alertes = ligne.locator("th").bounding_box(), alertes.bounding_box()
    assert boite_alertes["x"] + boite_alertes["width"] <= 390  # the alerts are on screen
    assert boite_nom["y"] < boite_alertes["y"] < ligne.locator("td[data-titre='Âge']").bounding_box()["y"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing off-screen
    verifier_accessibilite(page, "file active à 390 px")
    capture(page, "journee-file-active-390")
    ligne.locator("th").get_by_role("link").click()
    expect(page.get_by_role("link", name="06 12 34 56 78")).to_have_attribute("href", "tel:+33612345678")
    expect(page.get_by_role("link", name="yasmine.lefebvre@exemple.fr")).to_have_attribute(
        "href", "mailto:yasmine.lefebvre@exemple.fr")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    verifier_accessibilite(page, "fiche à 390 px")
    page.add_script_tag(path=str(__import__("tests.browser.conftest", fromlist=["chemin_axe"]).chemin_axe())) \
        if not page.evaluate("() => typeof window.axe !== 'undefined'") else None
    assert page.evaluate(_AXE_CIBLES) == []  # WCAG 2.2 target size (24 × 24 px)
    capture(page, "journee-fiche-390")
    assert personne.id


def test_pages_nouvelles_de_l_admin_et_des_notes_sans_violation(serveur, fabrique, ctx, nouveau_contexte):
    """The one page of lists (issue #9), the delays, and « mes notes » with their filters, at
    1280 and 390 px, checked by axe."""
    from cipdesk.notes import services as notes
    from tests.factories.accueil import accueil

    conseiller, _chef, personne, _parcours = _dossier(ctx, fabrique)
    admin = fabrique.utilisateur(conseiller.structure, admin=True)
    a = accueil(ctx, conseiller, personne, urgence_ouverte=False)
    notes.ecrire_note(ctx, auteur=conseiller, contenu="Évoque des dettes de loyer", objet_type="accueil",
                      objet_id=a.id)
    ctx.commit()
    for largeur in (1280, 390):
        page = nouveau_contexte().new_page()
        page.set_viewport_size({"width": largeur, "height": 900})
        connecter(page, serveur, admin.email)
        page.goto(f"{serveur}/admin/listes")
        expect(page.get_by_role("heading", name="Dimensions du diagnostic partagé")).to_be_visible()
        page.get_by_text("Contrat d'engagement jeune (CEJ)", exact=True).first.click()
        verifier_accessibilite(page, f"listes de la structure à {largeur} px")
        capture(page, f"journee-admin-listes-{largeur}")
        page.goto(f"{serveur}/admin/delais")
        verifier_accessibilite(page, f"délais à {largeur} px")
        page2 = nouveau_contexte().new_page()
        page2.set_viewport_size({"width": largeur, "height": 900})
        connecter(page2, serveur, conseiller.email)
        page2.goto(f"{serveur}/notes/")
        page2.get_by_label("Rechercher dans le texte de mes notes").fill("dettes")
        page2.get_by_role("button", name="Filtrer").click()
        expect(page2.get_by_role("link", name="Yasmine Lefebvre")).to_be_visible()
        verifier_accessibilite(page2, f"mes notes à {largeur} px")
        capture(page2, f"journee-notes-{largeur}")
