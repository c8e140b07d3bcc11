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
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/diagnostic"
    edition = nav.post(f"{url}/versions", {"date_diagnostic": HIER.isoformat()}, depuis=url).headers["Location"]
    page = _texte(nav.get(f"{edition}?du_jour=mobilite"))
    donnees = _formulaire(page)
    codes = {v: k.removesuffix("-code") for k, v in donnees.items() if k.endswith("-code")}
    mob = codes["mobilite"]
    donnees.update({f"{mob}-freins": "Pas de permis", f"{mob}-frein_niveau": "3", "continuer": "mobilite",
                    "du_jour": "mobilite"})
    r = nav.post(edition, donnees)
    assert r.status_code == 303
    assert r.headers["Location"].endswith("du_jour=mobilite#dimension-mobilite")
    d = ctx.scalars(select(Diagnostic)).one()
    ctx.refresh(d)
    assert [(x.dimension_code, x.freins, x.frein_niveau) for x in d.dimensions] == [("mobilite", "Pas de permis", 3)]
    suite = _texte(nav.get(r.headers["Location"]))
    assert "« Mobilité » enregistrée (brouillon" in suite and _ouvertes(suite) == {"mobilite"}
    # a second dimension, while the first one stays as saved; a bad level keeps what was typed
    donnees = _formulaire(suite)
    log = codes["logement"]
    donnees.update({f"{log}-situation": "Hébergée chez sa sœur", f"{log}-frein_niveau": "7",
                    f"{mob}-frein_niveau": "3", "continuer": "logement", "du_jour": "mobilite"})
    r = nav.post(edition, donnees)
    assert r.status_code == 422 and "Niveau hors de l'échelle" in _texte(r)
    assert "Hébergée chez sa sœur" in _texte(r) and {"mobilite", "logement"} <= _ouvertes(_texte(r))
    donnees[f"{log}-frein_niveau"] = "2"
    assert nav.post(edition, donnees).status_code == 303
    ctx.expire_all()
    d = ctx.scalars(select(Diagnostic)).one()
    assert {x.dimension_code: x.frein_niveau for x in d.dimensions} == {"mobilite": 3, "logement": 2}
