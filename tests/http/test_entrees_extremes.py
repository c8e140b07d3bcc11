"""Issue #10, point 14 (generic causes): huge page numbers, extreme dates,
CR/LF in `next`, JSON bodies (lone surrogate, NUL) never give a server error."""
from __future__ import annotations

import json

import pytest

from tests.conftest import MOT_DE_PASSE, jeton_csrf


@pytest.mark.parametrize("requete", [
    "page=" + "9" * 20, "page=-5", "page=0", "page=1e9", "page=" + "1" * 400,
    "du=0001-01-01&au=9999-12-31", "du=9999-12-31", "au=0001-01-01", "du=9999-12-31&au=9999-12-31&page=2",
])
def test_journal_resiste_aux_nombres_et_dates_extremes(requete, nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.admin.email)
    reponse = nav.get(f"/admin/journal?{requete}")
    assert reponse.status_code in (200, 422), reponse.get_data(as_text=True)[-600:]


def test_journal_dates_extremes_gardent_le_filtre(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.admin.email)
    html = nav.get("/admin/journal?du=0001-01-01&au=9999-12-31").get_data(as_text=True)
    assert "Connexion" in html or "connexion" in html  # the admin's own login is in range


@pytest.mark.parametrize("suivant", ["/notes/\r\nSet-Cookie: x=1", "/\nevil", "%0d%0a/evil", "/%0D%0ALocation:%20//evil"])
def test_next_avec_retour_chariot(suivant, nav, fabrique):
    monde = fabrique.monde()
    page = nav.get("/connexion")
    reponse = nav.client.post("/connexion", query_string={"next": suivant}, data={
        "email": monde.conseiller.email, "mot_de_passe": MOT_DE_PASSE,
        "csrf_token": jeton_csrf(page.get_data(as_text=True))})
    assert reponse.status_code < 500
    assert "\r" not in reponse.headers.get("Location", "") and "\n" not in reponse.headers.get("Location", "")


def _json(nav, url, corps: str):
    jeton = jeton_csrf(nav.get(url).get_data(as_text=True))
    return nav.client.post(url, data=corps, content_type="application/json", headers={"X-CSRFToken": jeton})


@pytest.mark.parametrize("url", ["/notes/", "/accueil/personnes/nouvelle"])
@pytest.mark.parametrize("corps", [
    '{"contenu": "\\ud800", "nom": "\\udfff", "prenom": "x"}',
    '{"contenu": "a\\u0000b", "nom": "a\\u0000b", "prenom": "x"}',
    '{"contenu": [1, 2], "nom": {"a": 1}}', "[1, 2, 3]", '"texte"', "{", "null",
])
def test_corps_json_jamais_500(url, corps, nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = _json(nav, url, corps)
    assert reponse.status_code < 500, reponse.get_data(as_text=True)[-600:]
    assert reponse.status_code != 303  # nothing recorded from a JSON body


def test_corps_json_ne_contourne_pas_le_controle_nul(nav, fabrique, ctx):
    from sqlalchemy import func, select

    from cipdesk.notes.models import NoteConfidentielle

    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = _json(nav, "/notes/", json.dumps({"contenu": "a\x00b"}))
    assert reponse.status_code in (415, 422)
    assert ctx.scalar(select(func.count()).select_from(NoteConfidentielle)) == 0
