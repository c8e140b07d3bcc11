"""Issue #17 (point 6, FSE+): the situation on the labour market at entry is recorded on the
person, in the accueil's form, with nothing pre-selected; an unknown value is refused in
French with the input kept; the funders' report counts it (tests/unit/tableau/test_regles.py)."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from cipdesk.personnes.models import Personne, SituationMarcheTravail


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _options(page: str) -> str:
    trouve = re.search(r'<select[^>]*name="situation_marche_travail"[^>]*>(.*?)</select>', page, re.S)
    assert trouve
    return trouve.group(1)


BASE = {"nom": "Leroy", "prenom": "Paul", "sexe": "homme", "niveau_formation": "cite_3_4", "commune": "Roubaix"}


def test_le_champ_commence_sans_valeur(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    page = _texte(nav.get("/accueil/personnes/nouvelle"))
    assert "Situation sur le marché du travail à l'entrée" in page
    options = _options(page)
    assert re.match(r'\s*<option[^>]*value=""[^>]*>— choisir —', options), options
    assert "selected" not in options.split("— choisir —", 1)[1]


def test_situation_enregistree_puis_relue_dans_la_fiche(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/personnes/nouvelle", {**BASE, "referent": str(m.conseiller.id),
                                                 "situation_marche_travail": "chomeur_longue_duree"})
    assert r.status_code == 303, _texte(r)
    personne = ctx.scalar(select(Personne))
    assert personne.situation_marche_travail == SituationMarcheTravail.CHOMEUR_LONGUE_DUREE
    fiche = _texte(nav.get(f"/accueil/personnes/{personne.id}"))
    assert "Chômeur·se de longue durée (12 mois ou plus sans emploi)" in fiche
    modifier = _texte(nav.get(f"/accueil/personnes/{personne.id}/modifier"))
    assert '<option selected value="chomeur_longue_duree">' in modifier or \
        re.search(r'<option[^>]*value="chomeur_longue_duree"[^>]*selected', modifier) or \
        re.search(r'<option selected[^>]*value="chomeur_longue_duree"', modifier)


def test_laissee_vide_elle_est_non_renseignee(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    assert nav.post("/accueil/personnes/nouvelle", {**BASE, "referent": str(m.conseiller.id)}).status_code == 303
    personne = ctx.scalar(select(Personne))
    assert personne.situation_marche_travail == SituationMarcheTravail.INCONNU
    # the edit form shows « — choisir — » again, never a value nobody chose
    options = _options(_texte(nav.get(f"/accueil/personnes/{personne.id}/modifier")))
    assert "selected" not in options.split("— choisir —", 1)[1]


def test_valeur_hors_liste_refusee_saisie_conservee(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/personnes/nouvelle", {**BASE, "referent": str(m.conseiller.id),
                                                 "situation_marche_travail": "retraite"})
    assert r.status_code == 422
    page = _texte(r)
    assert 'value="Leroy"' in page and 'value="Roubaix"' in page
    assert re.search(r"situation_marche_travail-erreur|Choix invalide|Choisissez", page)
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 0
