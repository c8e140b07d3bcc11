"""The agenda in a real browser with axe-core (issue #18): record the person's consent,
plan a rendez-vous, convoke (the letter, the e-mail queued with its reminder), see it in the
week and on the home page; the week view usable at 390 px. Screenshots at 1280 and 390 px."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser


def _sans_debordement(page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), \
        f"la page déborde de l'écran : {page.url}"


def test_planifier_convoquer_voir_la_semaine(serveur, page, fabrique, ctx):
    structure = fabrique.structure(nom="Tremplin Emploi Lille")
    conseiller = fabrique.utilisateur(structure, equipe=fabrique.equipe(structure), prenom="Yannick", nom="Dubois")
    personne = fabrique.personne(structure, referent=conseiller, prenom="Léa", nom="Martin",
                                 email="lea.martin@exemple.fr")
    le = date.today() + timedelta(days=2)
    connecter(page, serveur, conseiller.email)

    # The person's consent to e-mails, from the person's agenda page.
    page.goto(f"{serveur}/agenda/personnes/{personne.id}")
    verifier_accessibilite(page, "rendez-vous de la personne")
    page.get_by_label("Oui").check()
    page.get_by_label("Oralement, notée en entretien").check()
    page.get_by_role("button", name="Enregistrer la réponse").click()
    expect(page.get_by_text("Réponse de la personne enregistrée.")).to_be_visible()

    # Plan a rendez-vous, with a first mistake kept on screen.
    page.get_by_role("link", name="Planifier un rendez-vous").first.click()
    expect(page.get_by_label("Personne reçue")).to_have_value(str(personne.id))
    page.get_by_label("Type de rendez-vous").select_option("entretien")
    page.get_by_label("Date").fill(le.isoformat())
    page.get_by_label("Heure").fill("10:30")
    page.get_by_label("Durée (minutes)").fill("60")
    page.get_by_label("Lieu ou modalité").select_option("entreprise")
    page.get_by_label("À apporter (figure sur la convocation)").fill("CV à jour, pièce d'identité")
    page.get_by_label("Motif (chiffré)").fill("Préparer l'entretien d'embauche")
    page.get_by_role("button", name="Enregistrer le rendez-vous").click()
    expect(page.get_by_text("Indiquez l'entreprise et son adresse").first).to_be_visible()
    verifier_accessibilite(page, "formulaire du rendez-vous avec une erreur")
    expect(page.get_by_label("Motif (chiffré)")).to_have_value("Préparer l'entretien d'embauche")
    page.get_by_label("Lieu ou modalité").select_option("structure")
    page.get_by_label("Précision du lieu").fill("Bureau 2")
    page.get_by_role("button", name="Enregistrer le rendez-vous").click()
    expect(page.get_by_role("heading", name="Entretien individuel — Martin Léa")).to_be_visible()
    verifier_accessibilite(page, "rendez-vous")

    # Convoke in one action.
    page.get_by_role("button", name="Convoquer").click()
    expect(page.get_by_text("E-mail de convocation avec l'invitation à envoyer à lea.martin@exemple.fr")).to_be_visible()
    expect(page.get_by_text("Rappel par e-mail prévu le")).to_be_visible()
    expect(page.get_by_text("Convocation par e-mail — envoi prévu le")).to_be_visible()
    verifier_accessibilite(page, "rendez-vous convoqué")
    capture(page, "agenda-rendez-vous-1280")
    lettre = page.request.get(f"{serveur}/agenda/{page.url.rsplit('/', 1)[1].split('#')[0]}/convocation.pdf")
    assert lettre.status == 200 and lettre.body().startswith(b"%PDF")

    # The week, and the home page.
    page.get_by_role("link", name="Voir la semaine").click()
    expect(page.get_by_role("link", name="10 h 30 Entretien individuel — Martin Léa")).to_be_visible()
    expect(page.get_by_text("convoqué·e")).to_be_visible()
    verifier_accessibilite(page, "semaine")
    capture(page, "agenda-semaine-1280")
    page.goto(f"{serveur}/")
    expect(page.get_by_role("heading", name="Mes rendez-vous du jour et de la semaine")).to_be_visible()
    expect(page.get_by_role("link", name="Entretien individuel — Martin Léa")).to_be_visible()
    verifier_accessibilite(page, "accueil")
    capture(page, "agenda-accueil-1280")

    # At 390 px: the week is a list of days, nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{serveur}/agenda/?du={le.isoformat()}")
    expect(page.get_by_role("link", name="10 h 30 Entretien individuel — Martin Léa")).to_be_visible()
    _sans_debordement(page)
    verifier_accessibilite(page, "semaine à 390 px")
    capture(page, "agenda-semaine-390")
    page.get_by_role("link", name="10 h 30 Entretien individuel — Martin Léa").click()
    _sans_debordement(page)
    capture(page, "agenda-rendez-vous-390")
    page.goto(f"{serveur}/agenda/flux")
    page.get_by_role("button", name="Créer une adresse d'abonnement").click()
    expect(page.get_by_label("Adresse de l'agenda")).to_have_value(
        __import__("re").compile(r"^http://127\.0\.0\.1:\d+/agenda/ics/.+\.ics$"))
    verifier_accessibilite(page, "abonnement à l'agenda")
    _sans_debordement(page)
    capture(page, "agenda-flux-390")
