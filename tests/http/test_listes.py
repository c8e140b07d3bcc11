"""The one admin page of the structure's lists (/admin/listes): every module's lists,
a mistyped value shown with a clear error and kept, nothing leaks across structures."""
from __future__ import annotations

import html
import re

from sqlalchemy import select

from cipdesk.core.listes import ValeurDeListe


def _texte(r) -> str:
    return html.unescape(r.get_data(as_text=True))


def test_une_seule_page_pour_toutes_les_listes(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.admin.email)
    page = _texte(nav.get("/admin/listes"))
    for titre in ("Dimensions du diagnostic partagé", "Dispositifs", "Types d'étape",
                  "Phases de la méthodologie de projet", "Financements"):
        assert titre in page
    assert "/admin/listes" in _texte(nav.get(f"/admin/structures/{m.structure.id}"))


def test_saisie_erronee_erreur_claire_et_saisie_gardee(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.admin.email)
    r = nav.post("/admin/listes", {"liste": "type_etape", "libelle": "Formation"})
    assert r.status_code == 422
    page = _texte(r)
    assert "Cette valeur existe déjà." in page
    assert re.search(r'id="libelle-type_etape"[^>]*value="Formation"', page)
    r = nav.post("/admin/listes", {"liste": "type_etape", "libelle": "x" * 121})
    assert r.status_code == 422 and "120 caractères au plus." in _texte(r)
    r = nav.post("/admin/listes", {"liste": "type_etape", "libelle": "!!!"})
    assert r.status_code == 422 and "lettres ou de chiffres" in _texte(r)


def test_une_valeur_retiree_se_retablit_plutot_que_se_recreer(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.admin.email)
    assert nav.post("/admin/listes", {"liste": "financement", "retirer": "opco"}).status_code == 303
    r = nav.post("/admin/listes", {"liste": "financement", "libelle": "OPCO"})
    assert r.status_code == 422 and "rétablissez-la" in _texte(r)
    assert nav.post("/admin/listes", {"liste": "financement", "retablir": "opco"}).status_code == 303
    ligne = ctx.scalars(select(ValeurDeListe).where(ValeurDeListe.code == "opco")).one()
    assert ligne.active and ligne.structure_id == m.structure.id


def test_la_derniere_valeur_proposee_ne_se_retire_pas(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.admin.email)
    for code in ("exploration", "cristallisation", "specification"):
        assert nav.post("/admin/listes", {"liste": "phase_projet", "retirer": code}).status_code == 303
    r = nav.post("/admin/listes", {"liste": "phase_projet", "retirer": "realisation"})
    assert r.status_code == 422 and "au moins une valeur" in _texte(r)


def test_les_listes_d_une_structure_ne_touchent_pas_l_autre(nav, nav_factory, fabrique):
    m, autre = fabrique.monde(), fabrique.monde()
    nav.connexion(m.admin.email)
    assert nav.post("/admin/listes", {"liste": "dispositif", "libelle": "Garantie jeunes (historique)"}
                    ).status_code == 303
    assert nav.post("/admin/listes", {"liste": "dispositif", "retirer": "plie"}).status_code == 303
    ailleurs = nav_factory()
    ailleurs.connexion(autre.admin.email)
    page = _texte(ailleurs.get("/admin/listes"))
    assert "Garantie jeunes" not in page and "Retirée" not in page
