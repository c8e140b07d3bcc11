"""The répertoire des partenaires from a spreadsheet, in a real browser, axe-core on every page
(issue #19, point 1): mapping suggested, a column no field reads said « ignorée », dry run with a
duplicate to decide, import; the dry run at 390 px."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cipdesk.territoire.partenaires import services as partenaires
from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser

CSV = ("Structure;Type;Adresse;CP;Ville;Contact;Tél;Remarques\r\n"
       "Épicerie solidaire L'Escale;Association;14 rue de Lannoy;59100;Roubaix;Nadia Haddad;03 20 11 22 33;"
       "à relancer\r\n"
       "ccas de roubaix;CCAS;;59100;Roubaix;Sophie Lambert;;\r\n").encode("cp1252")


def test_importer_le_repertoire_des_partenaires(serveur, fabrique, ctx, nouveau_contexte):
    m = fabrique.monde()
    partenaires.enregistrer_partenaire(ctx, par=m.conseiller, donnees=partenaires.DonneesPartenaire(
        nom="CCAS de Roubaix", adresse="17 Grand-Rue, 59100 Roubaix", complet=True))
    ctx.commit()
    page = nouveau_contexte().new_page()
    connecter(page, serveur, m.conseiller.email)
    page.goto(f"{serveur}/tableur/")
    page.get_by_role("link", name="Partenaires du territoire", exact=True).click()
    page.get_by_label("Fichier (XLSX, ODS ou CSV)").set_input_files(
        files=[{"name": "partenaires.csv", "mimeType": "text/csv", "buffer": CSV}])
    page.get_by_role("button", name="Lire le fichier").click()
    expect(page.get_by_label("Ville")).to_have_value("commune")
    expect(page.get_by_label("Contact", exact=True)).to_have_value("contact_nom")
    expect(page.get_by_role("note")).to_contain_text("1 colonne(s) ignorée(s) à l'import : « Remarques »")
    verifier_accessibilite(page, "partenaires : correspondance")
    capture(page, "tableur_partenaires_apercu_1280")

    page.get_by_role("button", name="Lancer l'essai à blanc").click()
    expect(page.locator("#rapport")).to_contain_text("1 nouvelle(s), 0 à mettre à jour, 0 déjà là, 1 en conflit")
    expect(page.locator("#resultat-essai")).to_contain_text("Personne à contacter : «  » → « Sophie Lambert »")
    verifier_accessibilite(page, "partenaires : essai à blanc")
    page.set_viewport_size({"width": 390, "height": 900})
    capture(page, "tableur_partenaires_essai_390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Pour les lignes en conflit").select_option("mettre_a_jour")
    page.get_by_role("button", name="Importer 2 ligne(s)").click()
    expect(page.locator(".message").first).to_contain_text("Import terminé : 2 ligne(s) écrite(s)")
    verifier_accessibilite(page, "partenaires : import terminé")
    capture(page, "tableur_partenaires_rapport_1280")
