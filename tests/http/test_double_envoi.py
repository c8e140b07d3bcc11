"""A form sent twice records once (hardening, point 11): two quick clicks, a replayed
POST, or two identical POSTs at the same moment create one person, one note."""
from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from cipdesk.notes.models import NoteConfidentielle
from cipdesk.personnes.models import Personne
from cipdesk.web.idempotence import MESSAGE
from tests.conftest import jeton_csrf


def _jetons(page) -> dict:
    """The CSRF token and the form's one-time token, as a browser would send them."""
    html = page.get_data(as_text=True)
    envoi = re.search(r'name="_envoi" value="([^"]+)"', html)
    assert envoi, "pas de jeton d'envoi dans le formulaire"
    return {"csrf_token": jeton_csrf(html), "_envoi": envoi.group(1)}


def _personne(conseiller, jetons):
    return {"nom": "Martin", "prenom": "Inès", "sexe": "femme", "niveau_formation": "inconnu",
            "referent": str(conseiller.id), **jetons}


def test_deux_clics_sur_creer_une_personne_une_seule_fiche(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    jeton = _jetons(nav.get("/accueil/personnes/nouvelle"))
    premier = nav.client.post("/accueil/personnes/nouvelle", data=_personne(m.conseiller, jeton))
    second = nav.client.post("/accueil/personnes/nouvelle", data=_personne(m.conseiller, jeton))
    assert premier.status_code == second.status_code == 303
    assert second.headers["Location"] == premier.headers["Location"]  # the first result
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 1
    page = nav.get(second.headers["Location"]).get_data(as_text=True)
    assert MESSAGE.replace("'", "&#39;") in page


def test_un_nouveau_formulaire_identique_cree_bien_une_seconde_note(nav, fabrique, ctx):
    """Only the same rendering of a form is refused: writing the same words again is allowed."""
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    for _ in range(2):
        donnees = {"contenu": "Appel du SPIP ce matin", **_jetons(nav.get("/notes/"))}
        assert nav.client.post("/notes/", data=donnees).status_code == 303
    assert ctx.scalar(select(func.count()).select_from(NoteConfidentielle)) == 2


def test_post_rejoue_d_une_note_enregistre_une_fois(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    donnees = {"contenu": "Rendez-vous CMP reporté", **_jetons(nav.get("/notes/"))}
    reponses = [nav.client.post("/notes/", data=donnees) for _ in range(3)]
    assert {r.status_code for r in reponses} == {303}
    assert ctx.scalar(select(func.count()).select_from(NoteConfidentielle)) == 1


def test_deux_envois_simultanes_une_seule_fiche(app, nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    jeton = _jetons(nav.get("/accueil/personnes/nouvelle"))
    cookie = nav.client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    clients = []
    for _ in range(4):
        client = app.test_client()
        client.set_cookie(cookie.key, cookie.value)
        clients.append(client)
    depart = threading.Barrier(len(clients))

    def envoyer(client):
        depart.wait()
        return client.post("/accueil/personnes/nouvelle", data=_personne(m.conseiller, jeton))

    with ThreadPoolExecutor(len(clients)) as pool:
        reponses = list(pool.map(envoyer, clients))
    assert {r.status_code for r in reponses} == {303}, [r.status_code for r in reponses]
    assert len({r.headers["Location"] for r in reponses}) == 1
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 1
