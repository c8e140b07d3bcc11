"""The demo candidat's advanced draft: a case in every part, part 1 drawn from the territoire
module, her writing, a review by her chef de service."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_brouillon_avance_de_la_demo(base_demo, nav, ctx):
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    nav.connexion("candidat@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    html = nav.get("/dossier/").get_data(as_text=True)
    assert "Profil de la structure (module Territoire)" in html and "Profil du territoire, version" in html
    partie1 = html[html.index('id="partie-1"'):html.index('id="partie-2"')]
    assert "P1.1</strong> ✓ tenue" in partie1 and "P1.2</strong> ✓ tenue" in partie1
    for numero in range(2, 8):
        bloc = html[html.index(f'id="partie-{numero}"'):]
        assert f"P{numero}.1</strong> ✓ tenue" in bloc[:20000], numero
    assert "Développez le passage de relais" in nav.get("/dossier/parties/2").get_data(as_text=True)


def test_candidate_ccp_de_la_demo(base_demo, nav, ctx):
    """The demo shows the CCP route: a colleague preparing the CCP2 by capitalisation."""
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    comptes = base_demo
    assert any(email == "candidat.ccp@demo.cipdesk.fr" for _r, email, _d in comptes)
    nav.connexion("candidat.ccp@demo.cipdesk.fr", MOT_DE_PASSE_DEMO)
    html = nav.get("/dossier/ccp/CCP2").get_data(as_text=True)
    assert html.count('class="carte partie') == 3 and "16 à 21 pages" in html
    assert "Je prépare le CCP" in nav.get("/dossier/parties/2").get_data(as_text=True)
    assert nav.get("/dossier/ccp/CCP3").status_code == 200
