"""The pages a public-service site must have (issue #11, point 11): linked from every
page's footer and from the login page, readable without logging in."""
from __future__ import annotations

import pytest

PAGES = {
    "/accessibilite": ("Déclaration d'accessibilité", "non conforme", "Défenseur des droits"),
    "/mentions-legales": ("Mentions légales", "secret professionnel"),
    "/donnees-personnelles": ("Données personnelles", "Responsable du traitement", "CNIL",
                              "deux ans après le dernier contact"),
}


@pytest.mark.parametrize("url", PAGES)
def test_page_lisible_sans_connexion(client, url):
    reponse = client.get(url)
    assert reponse.status_code == 200
    texte = reponse.get_data(as_text=True)
    for attendu in PAGES[url]:
        assert attendu in texte.replace("&#39;", "'")


def test_liens_du_pied_de_page_et_de_la_connexion(client, nav, fabrique):
    connexion = client.get("/connexion").get_data(as_text=True)
    for url in PAGES:
        assert f'href="{url}"' in connexion
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    accueil = nav.get("/").get_data(as_text=True)
    for url in ("/accessibilite", "/mentions-legales", "/donnees-personnelles"):
        assert f'href="{url}"' in accueil
    # Logged in, the structure responsible is named.
    assert monde.structure.nom.replace("'", "&#39;") in nav.get("/donnees-personnelles").get_data(as_text=True)
