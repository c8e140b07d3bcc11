"""Real-browser journeys: Playwright (sync API) driving Debian's Chromium against
the session `app`, served by werkzeug in a thread, with an axe-core check.

Missing Chromium or axe-core is a FAILURE, never a skip: CI must not go green
without having run the journeys (`bash scripts/install-test-deps.sh` installs both).
See /work/shared/BROWSER.md for why Playwright's own browser download is not used.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parents[2]
ARTEFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("CIPDESK_CHROMIUM", "/usr/bin/chromium")
ARGS_CHROMIUM = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
INSTALLER = "Lancez « bash scripts/install-test-deps.sh » pour l'installer."


def chemin_axe() -> Path:
    chemin = Path(os.environ.get("AXE_CORE_PATH", "node_modules/axe-core/axe.min.js"))
    return chemin if chemin.is_absolute() else RACINE / chemin


def pytest_collection_modifyitems(config, items):  # noqa: ARG001
    """Every test under tests/browser/ carries the `browser` mark (-m "not browser" to leave out)."""
    ici = Path(__file__).resolve().parent
    for item in items:
        if ici in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def serveur(app):
    """The SAME `app` object as the other tests, served on a free port of 127.0.0.1."""
    from werkzeug.serving import WSGIRequestHandler, make_server

    class SansJournalDesRequetes(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):  # one line per request drowns the failures
            pass

    serveur_http = make_server("127.0.0.1", 0, app, threaded=True,
                               request_handler=SansJournalDesRequetes)
    fil = threading.Thread(target=serveur_http.serve_forever, name="cipdesk-serveur-test", daemon=True)
    fil.start()
    yield f"http://127.0.0.1:{serveur_http.server_port}"
    serveur_http.shutdown()
    serveur_http.server_close()
    fil.join(timeout=5)


@pytest.fixture(scope="session")
def _playwright():
    if not os.path.exists(CHROMIUM) or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium est introuvable ({CHROMIUM}) : les parcours navigateur ne peuvent pas "
                    f"tourner. {INSTALLER}", pytrace=False)
    if not chemin_axe().is_file():
        pytest.fail(f"axe-core est introuvable ({chemin_axe()}, variable AXE_CORE_PATH) : le contrôle "
                    f"d'accessibilité ne peut pas tourner. {INSTALLER}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def navigateur(_playwright):
    """Headless Chromium, launched once for the session."""
    navigateur = _playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS_CHROMIUM)
    yield navigateur
    navigateur.close()


@pytest.fixture
def nouveau_contexte(navigateur):
    """Factory of isolated browser contexts (own cookies: one per user), closed after the test.

    `bypass_csp=True` only so that axe-core can be injected; the app's CSP is
    checked by the HTTP tests."""
    contextes = []

    def _nouveau():
        contexte = navigateur.new_context(bypass_csp=True, locale="fr-FR", timezone_id="Europe/Paris",
                                          viewport={"width": 1280, "height": 900})
        contexte.set_default_timeout(20_000)
        contextes.append(contexte)
        return contexte

    yield _nouveau
    for contexte in contextes:
        contexte.close()


@pytest.fixture
def page(nouveau_contexte):
    return nouveau_contexte().new_page()


def connecter(page, base: str, email: str, mot_de_passe: str | None = None) -> None:
    """Log in through the real login form."""
    from tests.conftest import MOT_DE_PASSE

    page.goto(f"{base}/connexion")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(mot_de_passe or MOT_DE_PASSE)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


# axe's default rules, plus the (deprecated, off by default) duplicate-id rules: a duplicated id
# silently detaches a <label for> from its field in the browser, though axe's own label check,
# which looks labels up by their `for`, still passes. axe files duplicated ids that a label or
# an ARIA attribute refers to under "incomplete" (needs review): here they are violations.
_AXE_RUN = """async () => {
    const r = await axe.run(document, {rules: {"duplicate-id": {enabled: true},
                                               "duplicate-id-active": {enabled: true}}});
    return r.violations.concat(r.incomplete.filter(i => i.id.startsWith("duplicate-id")));
}"""


def verifier_accessibilite(page, contexte: str = "") -> None:
    """Run axe-core in the page and fail with every violation spelled out."""
    if not chemin_axe().is_file():
        pytest.fail(f"axe-core est introuvable ({chemin_axe()}). {INSTALLER}", pytrace=False)
    page.wait_for_load_state()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(chemin_axe()))
    violations = page.evaluate(_AXE_RUN)
    if not violations:
        return
    lignes = [f"{len(violations)} violation(s) d'accessibilité sur {contexte or page.url} :"]
    for v in violations:
        lignes.append(f"- [{v['impact']}] {v['id']} : {v['help']} ({v['helpUrl']})")
        for noeud in v["nodes"]:
            lignes.append(f"    cible {noeud['target']} : {noeud.get('failureSummary', '').strip()}")
    message = "\n".join(lignes)
    print(message)
    pytest.fail(message, pytrace=False)


def capture(page, nom: str) -> Path:
    """Full-page screenshot into tests/browser/artifacts/ (gitignored), for a human to look at."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    chemin = ARTEFACTS / f"{nom}.png"
    page.screenshot(path=str(chemin), full_page=True)
    return chemin
