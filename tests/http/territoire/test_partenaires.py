"""Issue #10, point 12: the partner edit form carries its version; a colleague's
save in between gives a clear conflict (409) and keeps what was typed."""
from __future__ import annotations

import html
import re

from cipdesk.territoire.partenaires.models import Partenaire
from tests.factories.accueil import partenaire


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _donnees(nom: str, version: str | None) -> dict:
    d = {"nom": nom, "type_partenaire": "CCAS", "telephone": "03 20 00 00 00", "actif": "y"}
    if version is not None:
        d["version"] = version
    return d


def test_le_formulaire_porte_la_version(nav, fabrique, ctx):
    m = fabrique.monde()
    pa = partenaire(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _texte(nav.get(f"/accueil/partenaires/{pa.id}"))
    assert re.search(r'name="version"[^>]*value="1"|value="1"[^>]*name="version"', page)


def test_modification_concurrente_conflit_clair_saisie_conservee(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    pa = partenaire(ctx, m.conseiller, nom="CCAS de Roubaix")
    ctx.commit()
    url = f"/accueil/partenaires/{pa.id}"
    nav.connexion(m.conseiller.email)
    collegue = nav_factory()
    collegue.connexion(m.collegue.email)
    # Both loaded version 1; the colleague saves first.
    assert collegue.post(url, _donnees("CCAS de Roubaix — antenne Nord", "1")).status_code == 303
    r = nav.post(url, _donnees("CCAS de Roubaix (fermé le lundi)", "1"))
    assert r.status_code == 409
    page = _texte(r)
    assert "modifié entre-temps par un·e collègue" in page
    assert 'value="CCAS de Roubaix (fermé le lundi)"' in page  # nothing typed is lost
    ctx.expire_all()
    assert ctx.get(Partenaire, pa.id).nom == "CCAS de Roubaix — antenne Nord"
    # Without a version (a forged or stale form) it is a conflict too, never a silent overwrite.
    assert nav.post(url, _donnees("Sans version", None)).status_code == 409
    # With the current version, the save goes through.
    assert nav.post(url, _donnees("CCAS de Roubaix (fermé le lundi)", "2")).status_code == 303
    ctx.expire_all()
    assert ctx.get(Partenaire, pa.id).nom == "CCAS de Roubaix (fermé le lundi)"
