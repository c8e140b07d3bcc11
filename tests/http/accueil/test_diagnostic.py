"""Diagnostic partagé: the whole diagnostic on one page, versions kept, validation
by the person, comparison, open freins, « distance parcourue », the parcours contract."""
from __future__ import annotations

import html
import re

from sqlalchemy import select

from cipdesk.accueil.diagnostic.models import Diagnostic, StatutDiagnostic
from cipdesk.accueil.queries import freins_du_dernier_diagnostic
from cipdesk.competences.models import PreuveCompetence
from tests.factories.accueil import AUJOURDHUI, HIER, diagnostic, personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _formulaire(page: str) -> dict:
    """The draft form's current values, as a browser would post them back."""
    donnees = {}
    for nom, valeur in re.findall(r'<input[^>]*name="(dimensions-\d+-code)"[^>]*value="([^"]*)"', page):
        donnees[nom] = valeur
    donnees["version"] = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    return donnees


def test_parcours_complet_du_diagnostic(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/diagnostic"
    assert "Aucun diagnostic" in _texte(nav.get(url))
    r = nav.post(f"{url}/versions", {"date_diagnostic": HIER.isoformat()}, depuis=url)
    assert r.status_code == 303
    edition = r.headers["Location"]
    page = _texte(nav.get(edition))
    assert "Hébergement / logement" in page and "Confiance en soi, mobilisation" in page
    donnees = _formulaire(page)
    codes = {v: k.removesuffix("-code") for k, v in donnees.items() if k.endswith("-code")}
    mob, log = codes["mobilite"], codes["logement"]
    donnees.update({"date_diagnostic": HIER.isoformat(), f"{mob}-freins": "Pas de permis, pas de voiture",
                    f"{mob}-frein_niveau": "3", f"{mob}-atouts": "Vélo", f"{mob}-atout_niveau": "1",
                    f"{log}-situation": "Hébergée chez sa sœur", f"{log}-frein_niveau": "2",
                    "paroles_personne": "« Je veux bouger. »", "hypotheses": "Auto-école sociale"})
    r = nav.post(edition, donnees)
    assert r.status_code == 303, _texte(r)[:3000]
    page = _texte(nav.get(url))
    assert "Freins encore ouverts (2)" in page and "Pas de permis, pas de voiture" in page
    assert "« Je veux bouger. »" in page
    d = ctx.scalars(select(Diagnostic)).one()
    assert len(d.dimensions) == 2  # empty dimensions are not kept
    # validation by the person, with errors first
    r = nav.post(f"/accueil/diagnostics/{d.id}/validation", {"valide_le": "", "validation_mode": ""}, depuis=url)
    assert r.status_code == 422 and "obligatoire" in _texte(r)
    r = nav.post(f"/accueil/diagnostics/{d.id}/validation",
                 {"valide_le": AUJOURDHUI.isoformat(), "validation_mode": "orale"}, depuis=url)
    assert r.status_code == 303
    ctx.expire_all()
    d = ctx.get(Diagnostic, d.id)
    assert d.statut == StatutDiagnostic.VALIDE and d.valide_le == AUJOURDHUI
    assert ctx.scalars(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == d.id)).all() == ["CP2"]
    # a validated version is frozen
    assert nav.get(edition).status_code == 303
    # the contract used by the parcours module
    freins = freins_du_dernier_diagnostic(ctx, p.id)
    assert {(f.dimension_code, f.niveau, f.ouvert) for f in freins} == {("mobilite", 3, True), ("logement", 2, True)}
    # version 2: starts as a copy; only one draft at a time
    r = nav.post(f"{url}/versions", {"date_diagnostic": AUJOURDHUI.isoformat()}, depuis=url)
    assert r.status_code == 303
    r = nav.post(f"{url}/versions", {"date_diagnostic": AUJOURDHUI.isoformat()}, depuis=url)
    assert r.status_code == 422 and "déjà en cours" in _texte(r)
    v2 = ctx.scalars(select(Diagnostic).where(Diagnostic.numero == 2)).one()
    page = _texte(nav.get(f"/accueil/diagnostics/{v2.id}/modifier"))
    assert "Pas de permis, pas de voiture" in page  # copied from version 1
    donnees = _formulaire(page)
    codes = {v: k.removesuffix("-code") for k, v in donnees.items() if k.endswith("-code")}
    mob, log = codes["mobilite"], codes["logement"]
    donnees.update({"date_diagnostic": AUJOURDHUI.isoformat(), f"{mob}-freins": "Code obtenu, conduite en cours",
                    f"{mob}-frein_niveau": "1", f"{mob}-atout_niveau": "2", f"{log}-situation": "Logement trouvé",
                    f"{log}-frein_niveau": "0"})
    assert nav.post(f"/accueil/diagnostics/{v2.id}/modifier", donnees).status_code == 303
    nav.post(f"/accueil/diagnostics/{v2.id}/validation",
             {"valide_le": AUJOURDHUI.isoformat(), "validation_mode": "signature"}, depuis=url)
    page = _texte(nav.get(url))
    assert "Distance parcourue" in page and "<svg" in page
    assert "3 → 1" in page and "(en baisse de 2)" in page
    assert 'role="img"' in page and "Mobilité : frein 3 → 1" in page
    assert "Freins encore ouverts (1)" in page
    comparaison = _texte(nav.get(f"{url}/comparaison?a=1&b=2"))
    assert "Pas de permis, pas de voiture" in comparaison and "Code obtenu, conduite en cours" in comparaison
    assert "a évolué" in comparaison
    # version 1 is kept as it was
    v1 = ctx.scalars(select(Diagnostic).where(Diagnostic.numero == 1)).one()
    ctx.refresh(v1)
    assert {d.dimension_code: d.frein_niveau for d in v1.dimensions}["mobilite"] == 3


def test_diagnostic_saisies_invalides(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    d = diagnostic(ctx, m.conseiller, p)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    edition = f"/accueil/diagnostics/{d.id}/modifier"
    donnees = _formulaire(_texte(nav.get(edition)))
    r = nav.post(edition, {**donnees, "date_diagnostic": "2999-01-01"})
    assert r.status_code == 422 and "futur" in _texte(r)
    r = nav.post(edition, {**donnees, "date_diagnostic": HIER.isoformat(), "dimensions-0-frein_niveau": "9"})
    assert r.status_code == 422 and "échelle" in _texte(r)
    r = nav.post(edition, {**donnees, "date_diagnostic": HIER.isoformat(), "version": "999"})
    assert r.status_code == 409
    r = nav.post(f"/accueil/personnes/{p.id}/diagnostic/versions", {"date_diagnostic": "32/13/2020"},
                 depuis=f"/accueil/personnes/{p.id}/diagnostic")
    assert r.status_code == 422 and "Date invalide" in _texte(r)


def test_chef_voit_le_diagnostic_sans_pouvoir_le_modifier(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    diagnostic(ctx, m.conseiller, p, valider=True)
    ctx.commit()
    nav.connexion(m.chef.email)
    page = _texte(nav.get(f"/accueil/personnes/{p.id}/diagnostic"))
    assert "frein mobilite" in page and "Ouvrir une nouvelle version" not in page




def test_dimensions_modifiables_par_la_structure(nav, nav_factory, fabrique, ctx):
    """The dimensions are one of the structure's lists (core/listes.py, one admin page)."""
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    ancien = diagnostic(ctx, m.conseiller, p, valider=True, freins={"justice": 2})
    ctx.commit()
    nav.connexion(m.admin.email)
    page = _texte(nav.get("/admin/listes"))
    assert "Dimensions du diagnostic partagé" in page and "Justice" in page
    assert nav.post("/admin/listes", {"liste": "dimension_diagnostic", "libelle": ""}).status_code == 422
    assert nav.post("/admin/listes", {"liste": "dimension_diagnostic", "libelle": "Mobilité"}).status_code == 422
    assert nav.post("/admin/listes", {"liste": "dimension_diagnostic",
                                      "libelle": "Numérique avancé : démarches en ligne"}).status_code == 303
    assert nav.post("/admin/listes", {"liste": "dimension_diagnostic", "retirer": "justice"}).status_code == 303
    assert nav.post("/admin/listes", {"liste": "dimension_diagnostic", "retirer": "inconnue"}).status_code == 422
    page = _texte(nav.get("/admin/listes"))
    assert "Retirée" in page and "Numérique avancé" in page
    conseiller = nav_factory()
    conseiller.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}/diagnostic"
    r = conseiller.post(f"{url}/versions", {"date_diagnostic": HIER.isoformat()}, depuis=url)
    edition = _texte(conseiller.get(r.headers["Location"]))
    assert "Numérique avancé : démarches en ligne" in edition
    assert "Justice" in edition  # retired, but still in this person's previous version: kept readable
    assert ancien.dimensions[0].dimension_libelle == "Justice"
    autre = personne(ctx, m.conseiller, nom="Sans", prenom="Passé")
    ctx.commit()
    url2 = f"/accueil/personnes/{autre.id}/diagnostic"
    r = conseiller.post(f"{url2}/versions", {"date_diagnostic": HIER.isoformat()}, depuis=url2)
    assert "Justice" not in _texte(conseiller.get(r.headers["Location"]))
