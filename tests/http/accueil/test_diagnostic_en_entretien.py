"""Issue #11, point 3: the diagnostic filled in during the meeting — the dimensions of the
day unfolded, the others folded and untouched, a save at each dimension, pre-filled from
what the accueil noted (a housing urgency opens « logement »)."""
from __future__ import annotations

import html
import re

from sqlalchemy import select

from cipdesk.accueil.diagnostic.models import Diagnostic
from cipdesk.accueil.diagnostic.rules import UrgenceNotee, dimensions_ouvertes, preremplissage
from tests.factories.accueil import HIER, accueil, personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _ouvertes(page: str) -> set[str]:
    return set(re.findall(r'<details class="dimension" id="dimension-([a-z_0-9]+)" open>', page))


def _formulaire(page: str) -> dict:
    donnees = dict(re.findall(r'<input[^>]*name="(dimensions-\d+-code)"[^>]*value="([^"]*)"', page))
    donnees["version"] = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    donnees["date_diagnostic"] = HIER.isoformat()
    for nom, valeur in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>\n?([^<]*)</textarea>', page):
        donnees[nom] = valeur
    return donnees


def test_regles_preremplissage_et_dimensions_ouvertes():
    textes = preremplissage([UrgenceNotee("hebergement", "Hébergement", HIER, "SIAO", "Mise à l'abri 115", None),
                             UrgenceNotee("violences", "Violences", HIER)])
    assert list(textes) == ["logement"]
    assert "Urgence « hébergement » repérée à l'accueil le" in textes["logement"] and "Mise à l'abri 115" in textes[
        "logement"] and "non traitée" in textes["logement"]
    toutes = ["emploi", "logement", "mobilite"]
    assert dimensions_ouvertes(toutes, {"emploi"}, {"logement"}, []) == {"emploi", "logement"}
    assert dimensions_ouvertes(toutes, {"emploi"}, {"logement"}, ["mobilite", "inconnue"]) == {"mobilite"}


def test_preremplie_depuis_l_accueil_et_dimensions_du_jour(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    accueil(ctx, m.conseiller, p, urgence_ouverte=True)  # a housing urgency, not treated yet
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/diagnostic"
    edition = nav.post(f"{url}/versions", {"date_diagnostic": HIER.isoformat()}, depuis=url).headers["Location"]
    page = _texte(nav.get(edition))
    assert _ouvertes(page) == {"logement"}  # the others stay folded
    assert "Urgence « hébergement » repérée à l'accueil" in page and "repris de l'accueil" in page
    assert "Je veux retrouver un travail." in page  # the expressed demand in « Ce que dit la personne »
    assert ctx.scalars(select(Diagnostic)).one().dimensions == []  # nothing saved that nobody saved
    page = _texte(nav.get(f"{edition}?du_jour=mobilite&du_jour=emploi&du_jour=nimporte"))
    assert _ouvertes(page) == {"mobilite", "emploi"}
    assert re.search(r'name="du_jour" value="mobilite" checked', page)


def test_enregistrer_et_continuer_dimension_par_dimension(nav, fabrique, ctx):
    """« Enregistrer et continuer » saves that dimension ALONE: what else the page holds (another
    dimension typed, the hypotheses) is neither saved nor lost; with htmx the dimension comes back
    in place with the page's next version; a stale page is refused with its input kept."""
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/diagnostic"
    edition = nav.post(f"{url}/versions", {"date_diagnostic": HIER.isoformat()}, depuis=url).headers["Location"]
    diagnostic_id = edition.split("/")[-2]
    page = _texte(nav.get(f"{edition}?du_jour=mobilite"))
    donnees = _formulaire(page)
    codes = {v: k.removesuffix("-code") for k, v in donnees.items() if k.endswith("-code")}
    mob, log = codes["mobilite"], codes["logement"]
    dimension = f"/accueil/diagnostics/{diagnostic_id}/dimensions"
    assert f'formaction="{dimension}/mobilite"' in page and f'hx-post="{dimension}/mobilite"' in page
    donnees.update({f"{mob}-freins": "Pas de permis", f"{mob}-frein_niveau": "3", "du_jour": "mobilite",
                    f"{log}-situation": "Hébergée chez sa sœur", "hypotheses": "Pas encore discuté"})

    # without JavaScript: the whole page comes back, everything typed kept, mobilité alone saved
    r = nav.post(f"{dimension}/mobilite", donnees, depuis=edition)
    assert r.status_code == 200
    suite = _texte(r)
    assert "« Mobilité » enregistrée (brouillon" in suite
    assert "Hébergée chez sa sœur" in suite and "Pas encore discuté" in suite   # kept on the page…
    d = ctx.scalars(select(Diagnostic)).one()
    ctx.refresh(d)
    assert [(x.dimension_code, x.freins, x.frein_niveau) for x in d.dimensions] == [("mobilite", "Pas de permis", 3)]
    assert d.hypotheses == ""                                                     # …not saved
    assert _ouvertes(suite) >= {"mobilite", "logement"}

    # with htmx: the logement dimension alone, swapped in place; a bad level keeps what was typed
    donnees = _formulaire(suite)
    donnees.update({f"{log}-frein_niveau": "7", "du_jour": "mobilite"})
    htmx = {"HX-Request": "true"}
    r = nav.post(f"{dimension}/logement", donnees, depuis=edition, headers=htmx)
    assert r.status_code == 422 and "Hébergée chez sa sœur" in _texte(r)
    assert '<details class="dimension" id="dimension-logement"' in _texte(r)
    donnees[f"{log}-frein_niveau"] = "2"
    r = nav.post(f"{dimension}/logement", donnees, depuis=edition, headers=htmx)
    assert r.status_code == 200
    fragment = _texte(r)
    assert "<html" not in fragment and "« Hébergement / logement » enregistrée" in fragment
    ctx.expire_all()
    d = ctx.scalars(select(Diagnostic)).one()
    assert {x.dimension_code: x.frein_niveau for x in d.dimensions} == {"mobilite": 3, "logement": 2}
    assert f'id="version" name="version" type="hidden" value="{d.version}" hx-swap-oob="true"' in fragment

    # the page read before those saves (its version) is refused, what was typed is kept
    donnees.update({f"{log}-besoins": "Une solution stable", "version": str(d.version - 1)})
    r = nav.post(f"{dimension}/logement", donnees, depuis=edition, headers=htmx)
    assert r.status_code == 409 and "modifié entre-temps" in _texte(r) and "Une solution stable" in _texte(r)
    assert nav.post(f"{dimension}/inconnue", donnees, depuis=edition).status_code == 404

    # « Enregistrer le diagnostic » still saves the whole page
    donnees["version"] = str(d.version)
    assert nav.post(edition, donnees).status_code == 303
    ctx.expire_all()
    assert ctx.scalars(select(Diagnostic)).one().hypotheses == "Pas encore discuté"
