"""Issue #10, point 13 (accueil and personnes): no value recorded that nobody chose.
Sexe and niveau de formation feed the FSE+ figures: they start on « — choisir — »
and are required (« Non renseigné » is an explicit choice). « La commande
rejoint-elle la demande ? » feeds no figure: it starts empty and stays NULL."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from cipdesk.accueil.accueils.models import Accueil
from cipdesk.personnes.models import Personne
from tests.factories.accueil import HIER
from tests.factories.personnes import monde_et_personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _select(page: str, nom: str) -> str:
    trouve = re.search(rf'<select[^>]*name="{nom}"[^>]*>(.*?)</select>', page, re.S)
    assert trouve, nom
    return trouve.group(1)


def test_sexe_et_niveau_commencent_vides(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    page = _texte(nav.get("/accueil/personnes/nouvelle"))
    for nom in ("sexe", "niveau_formation"):
        options = _select(page, nom)
        assert options.lstrip().startswith('<option selected value="">— choisir —</option>') \
            or re.match(r'\s*<option[^>]*value=""[^>]*>— choisir —', options), options
        assert "selected" not in options.split("— choisir —", 1)[1]


def test_personne_sans_sexe_ni_niveau_refusee_avec_la_saisie_conservee(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/personnes/nouvelle", {"nom": "Leroy", "prenom": "Paul", "referent": str(m.conseiller.id),
                                                 "commune": "Roubaix"})
    assert r.status_code == 422
    page = _texte(r)
    assert "Choisissez le sexe de la personne" in page and "Choisissez le niveau de formation" in page
    assert 'value="Leroy"' in page and 'value="Roubaix"' in page
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 0
    r = nav.post("/accueil/personnes/nouvelle", {"nom": "Leroy", "prenom": "Paul", "sexe": "non_renseigne",
                                                 "niveau_formation": "inconnu", "referent": str(m.conseiller.id)})
    assert r.status_code == 303


def test_personne_valeur_hors_liste_refusee(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/personnes/nouvelle", {"nom": "Leroy", "prenom": "Paul", "sexe": "autre",
                                                 "niveau_formation": "inconnu", "referent": str(m.conseiller.id)})
    assert r.status_code == 422 and ctx.scalar(select(func.count()).select_from(Personne)) == 0


def test_concordance_vide_par_defaut_et_enregistree_nulle(nav, fabrique, ctx):
    m, p = monde_et_personne(fabrique, ctx, nav=nav)
    url = f"/accueil/personnes/{p.id}/accueils/nouveau"
    options = _select(_texte(nav.get(url)), "concordance")
    assert "— choisir —" in options and "selected" not in options.split("— choisir —", 1)[1]
    r = nav.post(url, {"date_accueil": HIER.isoformat(), "mode": "sur_place",
                       "demande_exprimee": "Je cherche un emploi.", "suite": "a_definir"})
    assert r.status_code == 303
    accueil = ctx.scalars(select(Accueil).where(Accueil.personne_id == p.id)).one()
    assert accueil.concordance is None
    assert "Non renseignée" in _texte(nav.get(r.headers["Location"]))


def test_concordance_choisie_exige_la_commande(nav, fabrique, ctx):
    m, p = monde_et_personne(fabrique, ctx, nav=nav)
    url = f"/accueil/personnes/{p.id}/accueils/nouveau"
    r = nav.post(url, {"date_accueil": HIER.isoformat(), "mode": "sur_place", "concordance": "divergente",
                       "demande_exprimee": "Je cherche un emploi.", "suite": "a_definir"})
    assert r.status_code == 422 and "Décrivez la commande du prescripteur" in _texte(r)
    assert "Je cherche un emploi." in _texte(r)
