"""Issue #10, point 10, in a real browser: the warning before idle expiry (non-modal,
announced, « Rester connecté·e »), the keep-alive while typing, and a note typed
after the session expired coming back filled after logging in again. axe-core on
the page with the warning shown. The page's clock is Playwright's fake clock; the
server's session is aged in the database."""
from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser

TEXTE = "Entretien long : la personne décrit ses démarches de logement et sa recherche d'emploi."


def test_avertissement_maintien_et_reprise_apres_expiration(serveur, ctx, fabrique, page, app):
    from cipdesk.comptes.models import SessionConnexion
    from cipdesk.comptes.rules import en_utc

    monde = fabrique.monde()
    page.clock.install()
    connecter(page, serveur, monde.conseiller.email)
    page.goto(f"{serveur}/notes/")
    zone = page.locator("#avertissement-session")
    bouton = page.get_by_role("button", name="Rester connecté·e")
    expect(bouton).to_be_hidden()

    # 26 minutes without activity: the warning appears, without taking the focus
    page.clock.run_for("26:00")
    expect(zone).to_contain_text("votre session se terminera vers")
    expect(zone).to_have_attribute("role", "status")
    expect(bouton).to_be_visible()
    verifier_accessibilite(page, "avertissement d'expiration de session")
    capture(page, "session-avertissement")
    with page.expect_response(lambda r: r.url.endswith("/compte/session/maintien")) as maintien:
        bouton.click()
    assert maintien.value.status == 204
    expect(bouton).to_be_hidden()

    # typing in a form keeps the session alive, at most once a minute
    champ = page.get_by_label("Contenu de la note confidentielle")
    page.clock.run_for("01:05")
    with page.expect_request(lambda r: r.url.endswith("/compte/session/maintien")):
        champ.press_sequentially("Début")
    envois = []
    page.on("request", lambda r: envois.append(r) if r.url.endswith("/compte/session/maintien") else None)
    champ.press_sequentially(" et suite")
    page.wait_for_timeout(300)
    assert envois == []  # throttled

    # expired anyway: what is typed is kept and comes back after logging in again
    page.clock.run_for("31:00")
    expect(zone).to_contain_text("Votre session a expiré")
    ctx.expire_all()
    for ligne in ctx.scalars(select(SessionConnexion).where(SessionConnexion.utilisateur_id == monde.conseiller.id)):
        ligne.vu_le = en_utc(ligne.vu_le) - app.permanent_session_lifetime - timedelta(minutes=2)
    ctx.commit()
    champ.fill(TEXTE)
    page.get_by_role("button", name="Enregistrer la note").click()
    expect(page).to_have_url(f"{serveur}/connexion?next=%2Fnotes%2F")
    expect(page.get_by_text("Votre session a expiré. Ce que vous aviez saisi est gardé")).to_be_visible()
    connecter(page, serveur, monde.conseiller.email)
    expect(page).to_have_url(f"{serveur}/notes/")
    expect(page.get_by_label("Contenu de la note confidentielle")).to_have_value(TEXTE)
    expect(page.get_by_text("a été remis dans le formulaire")).to_be_visible()
    verifier_accessibilite(page, "formulaire rendu après reconnexion")
    page.get_by_role("button", name="Enregistrer la note").click()
    expect(page.get_by_text("Note confidentielle enregistrée (chiffrée).")).to_be_visible()
