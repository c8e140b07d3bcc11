"""Issue #17, defects found at the last session: (b) the dashboard is one view per section
(its slug in the URL, beside the filters), (c) ONE caseload norm — the structure's setting,
read alike by the dashboard and « Ma pratique », set on the admin's « Délais et seuils »
page — and issue #13: the candidatures' relaunch delay is reachable from the administration."""
from __future__ import annotations

import html


from cipdesk.comptes.models import Structure
from cipdesk.tableau.queries import ONGLETS, SECTIONS
from tests.factories.tableau import AUJ
from tests.factories.tableau import au_30_juin, monde  # noqa: F401  (fixtures)

PERIODE = "debut=2026-01-01&fin=2026-06-30"


def _t(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


def test_une_vue_par_section_et_les_onglets_gardent_les_filtres(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    assert [titre for _s, titre, _c in ONGLETS] == [titre for titre, _c in SECTIONS]
    defaut = _t(nav.get(f"/tableau-de-bord/?{PERIODE}&dispositif=plie"))
    # the first section only: its indicators, not the others'
    assert 'id="indicateur-file_active"' in defaut and 'id="indicateur-delai_accueil"' not in defaut
    assert 'aria-current="page">Activité de l\'équipe' in defaut
    for slug, titre, codes in ONGLETS:
        # each tab is a link that keeps the period and the filters
        assert f"/tableau-de-bord/?section={slug}&debut=2026-01-01&fin=2026-06-30&dispositif=plie" in defaut
        page = _t(nav.get(f"/tableau-de-bord/?section={slug}&{PERIODE}&dispositif=plie"))
        assert f'aria-current="page">{titre}' in page
        for code in codes:
            assert f'id="indicateur-{code}"' in page
        autres = {c for _s, _t2, cs in ONGLETS for c in cs} - set(codes)
        assert not any(f'id="indicateur-{c}"' in page for c in autres)
        # the filters' form sends the section back with them
        assert f'name="section" value="{slug}"' in page
    assert nav.get(f"/tableau-de-bord/?section=inconnue&{PERIODE}").status_code == 404


def test_fragment_htmx_d_une_section(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    url = f"/tableau-de-bord/?section=delais&{PERIODE}"
    fragment = nav.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="tableau">') and 'id="indicateur-delai_accueil"' in fragment
    assert fragment.strip() in nav.get(url).get_data(as_text=True)


def test_la_norme_de_file_active_a_une_seule_source(nav, monde, ctx, au_30_juin):
    from cipdesk.pratique.queries import charge_de_travail

    nav.connexion(monde.chef.email)
    # not set: the default, the same on the dashboard and in « Ma pratique »
    page = _t(nav.get(f"/tableau-de-bord/?{PERIODE}"))
    assert "Norme de la structure : 40 personnes par conseiller·ère (valeur par défaut" in page
    assert "non fixée" not in page and "n'a pas fixé de norme" not in page
    assert charge_de_travail(ctx, monde.a, AUJ).norme == 40
    # the admin sets it on « Délais et seuils »: both read 25
    from tests.conftest import Navigateur

    admin = Navigateur(nav.client.application.test_client())
    admin.connexion(monde.admin.email)
    r = admin.post("/admin/delais", {"orientation_delai": "15", "norme_file_active": "400"})
    assert r.status_code == 422 and "Entre 1 et 300 personnes." in _t(r) and 'value="400"' in _t(r)
    assert admin.post("/admin/delais", {"orientation_delai": "15", "norme_file_active": "25"}).status_code == 303
    ctx.expire_all()
    assert ctx.get(Structure, monde.s.id).parametres["norme_file_active"] == 25
    page = _t(nav.get(f"/tableau-de-bord/?{PERIODE}"))
    assert "Norme de la structure : 25 personnes par conseiller·ère ;" in page
    charge = charge_de_travail(ctx, monde.a, AUJ)
    assert (charge.norme, charge.norme_fixee) == (25, True)
    assert 'value="25"' in _t(admin.get("/admin/delais"))
    # emptied: back to the default for both
    assert admin.post("/admin/delais", {"orientation_delai": "15", "norme_file_active": ""}).status_code == 303
    ctx.expire_all()
    assert "norme_file_active" not in ctx.get(Structure, monde.s.id).parametres
    assert charge_de_travail(ctx, monde.a, AUJ).norme == 40


def test_delai_des_candidatures_atteint_depuis_l_administration(nav, monde):
    """Issue #13: the structure's delay before relaunching an employer is an admin setting: the
    administration leads to it (the structure's page and « Délais et seuils »)."""
    nav.connexion(monde.admin.email)
    structure = _t(nav.get(f"/admin/structures/{monde.s.id}"))
    delais = _t(nav.get("/admin/delais"))
    for page in (structure, delais):
        assert 'href="/employeurs/candidatures/delai"' in page
    assert nav.get("/employeurs/candidatures/delai").status_code == 200


def test_accueil_du_chef_les_plus_graves_et_le_lien_vers_le_tableau(nav, nav_factory, monde, monkeypatch):
    """The chef's home page shows the gravest people with an alert (50 at most), how many there
    are in all and where the whole list is; a conseiller's own list is never cut."""
    import re

    from cipdesk.personnes import routes

    nav.connexion(monde.chef.email)
    complet = _t(nav.get("/"))
    bloc = complet.split('id="titre-mes-alertes"', 1)[1].split("</section>", 1)[0]
    en_tout = bloc.count("<li>")
    assert en_tout >= 2, bloc
    assert "/tableau-de-bord/?section=a-surveiller" not in bloc
    monkeypatch.setattr(routes, "LIMITE_ALERTES_EQUIPE", 1)
    bloc = _t(nav.get("/")).split('id="titre-mes-alertes"', 1)[1].split("</section>", 1)[0]
    assert bloc.count("<li>") == 1
    assert f"sur {en_tout} :" in bloc and 'href="/tableau-de-bord/?section=a-surveiller"' in bloc
    conseiller = nav_factory()
    conseiller.connexion(monde.a.email)
    bloc = _t(conseiller.get("/")).split('id="titre-mes-alertes"', 1)[1].split("</section>", 1)[0]
    assert "section=a-surveiller" not in bloc and not re.search(r"sur \d+ :", bloc)
