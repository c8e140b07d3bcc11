"""The screens added in session 5, visited as each demo account would (conseiller, chef de
service, administrateur·rice, candidat·e, candidate CCP, accompagnatrice de VAE collective, and
nobody logged in for « mot de passe oublié »), at 1280 and 390 px: every page answers 200
(or the expected 403 with its way out), axe-core finds nothing, and nothing widens the page
at 390 px (a table scrolls inside its own box). Screenshots in artifacts/revue-parcours/."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.browser.conftest import capture, connecter, verifier_accessibilite

pytestmark = pytest.mark.browser

SECTIONS = ("activite", "delais", "a-surveiller", "apres-sortie", "ateliers", "prospection", "integration",
            "prevention")
_DEBORD = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _visiter(page, serveur: str, chemin: str, role: str, *, statut: int = 200) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    reponse = page.goto(f"{serveur}{chemin}")
    page.wait_for_load_state()
    assert reponse is not None and reponse.status == statut, f"{role} {chemin} : {reponse and reponse.status}"
    texte = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
    assert not re.search(r"\b(None|Traceback|undefined|Internal Server Error)\b|\{\{|\{%", texte), \
        f"{role} {chemin} : texte technique visible"
    sans_id = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "id", chemin.lower())   # stable names from one run to the next
    nom = f"revue-parcours/{role}-" + (re.sub(r"[^a-z0-9]+", "-", sans_id).strip("-")[:60] or "accueil")
    verifier_accessibilite(page, f"{role} {chemin} à 1280 px")
    capture(page, f"{nom}-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(50)
    assert page.evaluate(_DEBORD) <= 1, f"{role} {chemin} : la page déborde à 390 px"
    verifier_accessibilite(page, f"{role} {chemin} à 390 px")
    capture(page, f"{nom}-390")


def test_nouveaux_ecrans_pour_chaque_role(base_demo, serveur, ctx, nouveau_contexte):
    from cipdesk.agenda.models import RendezVousPlanifie
    from cipdesk.comptes.models import Utilisateur
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    conseiller = ctx.scalars(select(Utilisateur).where(Utilisateur.email == "conseiller@demo.cipdesk.fr")).one()
    rdv = ctx.scalars(select(RendezVousPlanifie).where(RendezVousPlanifie.conseiller_id == conseiller.id,
                                                       RendezVousPlanifie.personne_id.is_not(None))
                      .order_by(RendezVousPlanifie.le)).first()
    p = rdv.personne_id

    parcours = {
        "conseiller": ("conseiller@demo.cipdesk.fr", [
            "/agenda/", "/agenda/nouveau", f"/agenda/nouveau?personne={p}", f"/agenda/{rdv.id}",
            f"/agenda/{rdv.id}/modifier", f"/agenda/personnes/{p}", "/agenda/flux",
            f"/accueil/personnes/{p}", f"/accueil/personnes/{p}/diagnostic", f"/documents-joints/personne/{p}",
            f"/droits/personnes/{p}", "/droits/mes-notes", "/droits/registre",
            "/tableur/", "/tableur/imports/personnes/nouveau", "/tableur/imports/entreprises/nouveau",
            "/compte", "/compte/second-facteur", "/compte/second-facteur/activation", "/compte/sessions"]),
        "chef": ("chef@demo.cipdesk.fr", [
            "/tableau-de-bord/", *(f"/tableau-de-bord/?section={s}" for s in SECTIONS),
            "/tableau-de-bord/financeurs", "/tableau-de-bord/portefeuilles", "/droits/conservation",
            "/droits/registre", "/dossier/relectures", "/tableur/", "/compte/second-facteur"]),
        "admin": ("admin@demo.cipdesk.fr", [
            "/agenda/reglages", "/admin/second-facteur", "/droits/reglages", "/droits/registre", "/tableur/",
            "/dossier/vae-collective", "/compte/second-facteur"]),
        "candidat": ("candidat@demo.cipdesk.fr", [
            "/dossier/", "/dossier/parties/1", "/dossier/parties/2", "/dossier/parties/4", "/dossier/parties/2/cas",
            "/dossier/relectures",
            # Mes compétences and a competence with its 30 activities: their tables once overflowed at 390 px
            "/competences/", "/competences/CP6"]),
        "candidat-ccp": ("candidat.ccp@demo.cipdesk.fr", ["/dossier/", "/dossier/ccp/CCP2"]),
        "accompagnatrice": ("conseillere.plie@demo.cipdesk.fr", ["/dossier/vae-collective"]),
    }
    anonyme = nouveau_contexte().new_page()
    _visiter(anonyme, serveur, "/mot-de-passe-oublie", "anonyme")
    for role, (email, chemins) in parcours.items():
        page = nouveau_contexte().new_page()
        connecter(page, serveur, email, MOT_DE_PASSE_DEMO)
        for chemin in chemins:
            _visiter(page, serveur, chemin, role)

    # A page refused about a person says why, and offers the chef de service the break-glass access.
    page = nouveau_contexte().new_page()
    connecter(page, serveur, "conseillere.plie@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    autre = ctx.scalars(select(RendezVousPlanifie.personne_id).where(
        RendezVousPlanifie.conseiller_id == conseiller.id, RendezVousPlanifie.personne_id.is_not(None))).all()
    refusee = next((x for x in autre if page.request.get(f"{serveur}/accueil/personnes/{x}").status == 403), None)
    assert refusee is not None, "la démo n'a plus de personne d'un autre portefeuille pour Sophie Nguyen"
    _visiter(page, serveur, f"/documents-joints/personne/{refusee}", "refus", statut=403)
    assert "ne vous est pas ouvert" in page.inner_text("main")
