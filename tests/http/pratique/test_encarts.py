"""« Rattachable à n'importe quel enregistrement de n'importe quel module »: the record kinds of the
module contract that have a page are attachable, and each page of the kinds the issue names shows
the link « Écrire une analyse de pratique de cette situation » (core.contrat.Encart) to its
conseiller — never to the chef de service, who reads no analysis."""
from __future__ import annotations

import pytest

from tests.factories import objets_de_tous_les_modules

PAGES = {  # record kind → (placeholder of the factories, page)
    "parcours": ("parcours", "/parcours/{}"),
    "entretien": ("entretien", "/parcours/entretiens/{}"),
    "atelier": ("atelier", "/ateliers/{}"),
    "session_atelier": ("session_atelier", "/ateliers/sessions/{}"),
    "action_prospection": ("prospection", "/employeurs/prospection/{}"),
    "candidature": ("candidature", "/employeurs/candidatures/{}"),
    "suivi_integration": ("suivi_integration", "/integration/suivis/{}"),
}


def test_types_rattachables_par_le_contrat(app):
    from cipdesk.pratique.analyses.queries import types_rattachables

    with app.app_context():
        types = types_rattachables()
    assert set(PAGES) | {"entretien_projet", "accueil", "synthese", "orientation", "immersion"} <= set(types)
    assert "analyse_pratique" not in types and "etape" not in types  # itself; a kind without a page
    assert types["entretien_projet"] == "entretien de projet professionnel"


@pytest.fixture
def objets(fabrique, ctx):
    monde = fabrique.monde()
    return monde, objets_de_tous_les_modules(ctx, monde, texte_de_la_note="n")


@pytest.mark.parametrize("objet_type", sorted(PAGES))
def test_chaque_page_offre_l_analyse_de_pratique(objet_type, objets, nav_factory):
    monde, ids = objets
    cle, page = PAGES[objet_type]
    url = page.format(ids[cle])
    conseiller = nav_factory()
    conseiller.connexion(monde.conseiller.email)
    html = conseiller.get(url).get_data(as_text=True)
    assert f"/pratique/analyses/nouvelle?objet_type={objet_type}&amp;objet_id={ids[cle]}" in html
    chef = nav_factory()
    chef.connexion(monde.chef.email)
    reponse = chef.get(url)
    assert reponse.status_code == 200 and "/pratique/analyses/nouvelle" not in reponse.get_data(as_text=True)
