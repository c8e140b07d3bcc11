"""Issue #11, point 10: the REAC quotations that open the forms are folded by default and
unfolded by a per-user preference (« Mon compte »); the preference is one's own."""
from __future__ import annotations

import html
import re

from cipdesk.comptes.models import Utilisateur


def _citation(page: str) -> str:
    return re.search(r'<details class="citation"[^>]*>', page).group(0)


def test_citations_repliees_puis_depliees_par_preference(nav, fabrique, ctx):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller, nom="Dupont", prenom="Karim")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/parcours/personnes/{p.id}/ouvrir"
    page = html.unescape(nav.get(url).get_data(as_text=True))
    assert " open" not in _citation(page)   # folded by default
    assert "REAC CP6 : « L'accompagnement est contractualisé avec la personne »." in page   # still there
    compte = html.unescape(nav.get("/compte").get_data(as_text=True))
    assert 'name="citations_depliees" value="non" checked' in compte
    assert nav.post("/compte/preferences", {"citations_depliees": "oui"}, depuis="/compte").status_code == 303
    assert " open" in _citation(nav.get(url).get_data(as_text=True))
    ctx.expire_all()
    assert ctx.get(Utilisateur, m.conseiller.id).citations_depliees is True
    assert ctx.get(Utilisateur, m.collegue.id).citations_depliees is False   # one's own only
    assert nav.post("/compte/preferences", {"citations_depliees": "non"}, depuis="/compte").status_code == 303
    assert " open" not in _citation(nav.get(url).get_data(as_text=True))
