"""Issue #11, point 8: an orientation awaiting the partner's answer raises an alert after the
delay the structure sets, and is closed as expired with a reason if never answered."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta

from cipdesk.accueil.orientation import rules
from cipdesk.accueil.orientation import services as orientation
from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
from tests.factories.accueil import AUJOURDHUI, partenaire, personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def test_regles_du_delai():
    le = date(2026, 11, 1)
    assert rules.relance(le, le + timedelta(days=15), 15) is None
    assert rules.relance(le, le + timedelta(days=16), 15) == "relance"
    assert rules.relance(le, le + timedelta(days=31), 15) == "a_clore"
    assert rules.delai_reponse({}) == 15 and rules.delai_reponse({rules.PARAMETRE_DELAI: "7"}) == 7
    assert rules.delai_reponse({rules.PARAMETRE_DELAI: "n'importe"}) == 15


def test_alerte_apres_le_delai_de_la_structure_puis_expiration_motivee(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    o = orientation.orienter(ctx, par=m.conseiller, personne=p, partenaire=partenaire(ctx, m.conseiller),
                             le=AUJOURDHUI - timedelta(days=10), motif="Logement", informations_transmises="",
                             consentement=False, consentement_le=None, consentement_mode="", aujourd_hui=AUJOURDHUI)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    assert "sans réponse" not in _texte(nav.get("/"))  # 10 days < 15 by default
    admin = nav_factory()
    admin.connexion(m.admin.email)
    r = admin.post("/admin/delais", {"orientation_delai": "0"})
    assert r.status_code == 422 and "Entre 1 et 180 jours." in _texte(r)
    r = admin.post("/admin/delais", {"orientation_delai": "abc"})
    assert r.status_code == 422 and 'value="abc"' in _texte(r)
    assert admin.post("/admin/delais", {"orientation_delai": "7"}).status_code == 303
    accueil = _texte(nav.get("/"))
    assert re.search(rf'href="/accueil/orientations/{o.id}#reponse-partenaire">Orientation vers CCAS de Roubaix sans réponse '
                     r'depuis le \d\d/\d\d/\d{4} : relancer le partenaire', accueil)
    assert admin.post("/admin/delais", {"orientation_delai": "4"}).status_code == 303
    assert "la déclarer expirée, avec son motif" in _texte(nav.get("/"))
    url = f"/accueil/orientations/{o.id}/reponse"
    r = nav.post(url, {"reponse": "expiree", "reponse_le": AUJOURDHUI.isoformat(), "reponse_commentaire": ""},
                 depuis=f"/accueil/orientations/{o.id}")
    assert r.status_code == 422 and "Dites pourquoi l'orientation expire" in _texte(r)
    r = nav.post(url, {"reponse": "expiree", "reponse_le": AUJOURDHUI.isoformat(),
                       "reponse_commentaire": "Partenaire injoignable, relancé deux fois"},
                 depuis=f"/accueil/orientations/{o.id}")
    assert r.status_code == 303
    ctx.expire_all()
    assert ctx.get(Orientation, o.id).reponse == ReponsePartenaire.EXPIREE
    assert "sans réponse depuis" not in _texte(nav.get("/"))
    assert "Expirée sans réponse" in _texte(nav.get(f"/accueil/orientations/{o.id}"))
