"""Every form of the app, fuzzed: each POST route of the access matrix that some
role may use receives random and hostile values (hypothesis) from that role.

Never a 500; markup never rendered unescaped; when the answer is an error,
nothing was saved (every table keeps its row count)."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from cipdesk.core.db import Base
from tests.factories import objets_de_tous_les_modules
from tests.http.test_fuzz_formulaires import MARQUEUR, hostiles
from tests.http.test_matrice_acces import MATRICE, OK

# Already fuzzed one by one (test_fuzz_formulaires), or ending the session.
DEJA_COUVERTES = {"comptes.connexion", "comptes.deconnexion", "comptes.mot_de_passe"}
COMPTES = ("conseiller", "candidat", "chef", "admin")
NOMS_GENERIQUES = ["motif", "contenu", "le", "commentaire", "date", "statut", "nom", "version", "libelle"]


def _routes_post():
    for endpoint, lignes in MATRICE.items():
        if endpoint in DEJA_COUVERTES:
            continue
        for methode, url, attendus in lignes:
            if methode == "POST":
                role = next((r for r in COMPTES if attendus.get(r) == OK), None)
                if role:
                    yield pytest.param(endpoint, url, role, id=endpoint)


def _champs(html: str) -> list[str]:
    noms = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html)) - {"csrf_token"}
    return sorted(noms) or NOMS_GENERIQUES


def _comptes_lignes(ctx) -> dict[str, int]:
    ctx.expire_all()
    return {t.name: ctx.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
            if t.name not in ("tentative_connexion", "journal_audit")}


@pytest.mark.parametrize("endpoint, url, role", list(_routes_post()))
def test_route_post_resiste_aux_valeurs_hostiles(endpoint, url, role, nav, fabrique, ctx):
    monde = fabrique.monde()
    objets = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Note de la matrice")
    nav.connexion(getattr(monde, role).email)
    chemin = url(objets)
    page = nav.get(chemin)
    champs = _champs(page.get_data(as_text=True)) if page.status_code == 200 else NOMS_GENERIQUES
    jeton = re.search(r'"X-CSRFToken": "([^"]+)"', nav.get("/compte").get_data(as_text=True)).group(1)

    @settings(max_examples=6, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(donnees=st.fixed_dictionaries({}, optional={c: hostiles for c in champs}))
    def essai(donnees):
        avant = _comptes_lignes(ctx)
        reponse = nav.client.post(chemin, data={**donnees, "csrf_token": jeton})
        html = reponse.get_data().decode(errors="replace")
        assert reponse.status_code < 500, f"{endpoint} {donnees!r} → {reponse.status_code}\n{html[-600:]}"
        assert MARQUEUR not in html and "<img src=x" not in html
        if reponse.status_code >= 400:
            assert _comptes_lignes(ctx) == avant, f"{endpoint} : enregistrement partiel malgré l'erreur"

    essai()


# -- JSON bodies and extreme query values (issue #10, point 14) --------------------------
# A lone surrogate and a NUL in every field, a list where text is expected: a JSON body
# never reaches a form (415), so nothing is saved and nothing breaks.
CORPS_JSON = ['{"%s": "\\ud800", "contenu": "a\\u0000b", "version": [1, 2]}', "[1, 2]", "{", "null"]
REQUETE_EXTREME = {"page": "9" * 20, "du": "0001-01-01", "au": "9999-12-31", "mois": "abc", "annee": "9" * 20,
                   "le": "9999-12-31", "q": "\x00"}


@pytest.mark.parametrize("role", COMPTES)
def test_corps_json_et_valeurs_extremes_sur_toutes_les_routes(role, nav, fabrique, ctx):
    monde = fabrique.monde()
    objets = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Note de la matrice")
    nav.connexion(getattr(monde, role).email)
    jeton = re.search(r'"X-CSRFToken": "([^"]+)"', nav.get("/compte").get_data(as_text=True)).group(1)
    avant = _comptes_lignes(ctx)
    for endpoint, lignes in MATRICE.items():
        if endpoint in DEJA_COUVERTES:
            continue
        for methode, url, attendus in lignes:
            if attendus.get(role) != OK:
                continue
            chemin = url(objets)
            if methode == "GET":
                reponse = nav.get(chemin, query_string=REQUETE_EXTREME)
                assert reponse.status_code < 500, f"GET {endpoint} ?{REQUETE_EXTREME} → {reponse.status_code}"
                continue
            for corps in CORPS_JSON:
                reponse = nav.client.post(chemin, data=corps.replace("%s", "nom"), content_type="application/json",
                                          headers={"X-CSRFToken": jeton})
                assert reponse.status_code < 500, f"POST JSON {endpoint} {corps} → {reponse.status_code}"
                assert reponse.status_code not in (200, 303), f"{endpoint} : corps JSON accepté"
    assert _comptes_lignes(ctx) == avant, "un corps JSON a enregistré quelque chose"
