"""Issue #10, point 10: never lose what was typed.

A POST arriving after the session ended on the server keeps the typed fields,
encrypted, for that user only and for a short time; after logging in again as
the same user the form comes back filled. A NUL character (or any refused
input) answers 422 with the form and the text, never a bare 400 page. The page
warns before idle expiry and a keep-alive extends the session while typing."""
from __future__ import annotations

import re
import time
from datetime import timedelta
from unittest.mock import patch

from sqlalchemy import select

from cipdesk.comptes.models import Brouillon, SessionConnexion
from cipdesk.comptes.rules import en_utc
from cipdesk.web.securite import DELAI_DE_REPRISE, RAFRAICHISSEMENT
from tests.conftest import jeton_csrf

TEXTE = "Mme D. évoque une situation de logement très précaire — à revoir jeudi."


def _expirer(ctx, app, utilisateur):
    """Idle timeout: the last request seen is older than the idle limit."""
    ctx.expire_all()
    for ligne in ctx.scalars(select(SessionConnexion).where(SessionConnexion.utilisateur_id == utilisateur.id)):
        ligne.vu_le = en_utc(ligne.vu_le) - app.permanent_session_lifetime - timedelta(minutes=2)
    ctx.commit()


def _poster_apres_expiration(nav, ctx, app, utilisateur, url, donnees):
    page = nav.get(url)
    assert page.status_code == 200
    jeton = jeton_csrf(page.get_data(as_text=True))
    _expirer(ctx, app, utilisateur)
    return nav.client.post(url, data={**donnees, "csrf_token": jeton}, headers={"Referer": f"http://localhost{url}"})


def _brouillons(ctx):
    ctx.expire_all()
    return ctx.scalars(select(Brouillon)).all()


def test_note_tapee_apres_expiration_revient_apres_reconnexion(nav, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = _poster_apres_expiration(nav, ctx, app, monde.conseiller, "/notes/", {"contenu": TEXTE})
    assert reponse.status_code in (302, 303)
    assert "/connexion" in reponse.headers["Location"]
    connexion = nav.get(reponse.headers["Location"]).get_data(as_text=True)
    assert "session a expiré" in connexion and "gardé" in connexion
    # kept encrypted: the typed text is not in the row
    (brouillon,) = _brouillons(ctx)
    assert brouillon.utilisateur_id == monde.conseiller.id
    assert TEXTE.encode() not in (brouillon.champs_chiffre or b"")
    # log in again as the same user: the form page comes back filled, ready to submit
    apres = nav.connexion(monde.conseiller.email)
    assert apres.status_code == 303 and apres.headers["Location"].endswith("/notes/")
    page = nav.get("/notes/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert re.search(r"<textarea[^>]*name=\"contenu\"[^>]*>\s*" + re.escape(TEXTE.replace("'", "&#39;")), html)
    assert "remis dans le formulaire" in html
    assert _brouillons(ctx) == []  # given back once, then forgotten
    # and it can be submitted as it is
    envoi = nav.post("/notes/", {"contenu": TEXTE})
    assert envoi.status_code == 303


def test_un_autre_utilisateur_ne_recoit_rien(nav, nav_factory, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    _poster_apres_expiration(nav, ctx, app, monde.conseiller, "/notes/", {"contenu": TEXTE})
    apres = nav.connexion(monde.collegue.email)  # same browser, another person
    assert apres.status_code == 303
    html = nav.get("/notes/").get_data(as_text=True)
    assert TEXTE not in html and "remis dans le formulaire" not in html
    assert len(_brouillons(ctx)) == 1  # still waiting for its author only
    autre = nav_factory()
    autre.connexion(monde.collegue.email)
    assert TEXTE not in autre.get("/notes/").get_data(as_text=True)


def test_brouillon_perime_efface(nav, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    _poster_apres_expiration(nav, ctx, app, monde.conseiller, "/notes/", {"contenu": TEXTE})
    (brouillon,) = _brouillons(ctx)
    brouillon.cree_le = en_utc(brouillon.cree_le) - timedelta(minutes=31)
    ctx.commit()
    nav.connexion(monde.conseiller.email)
    html = nav.get("/notes/").get_data(as_text=True)
    assert TEXTE not in html
    assert _brouillons(ctx) == []  # purged at login


def test_jetons_et_mots_de_passe_jamais_gardes(nav, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.admin.email)
    _poster_apres_expiration(nav, ctx, app, monde.admin, "/admin/utilisateurs/nouveau", {
        "prenom": "Alix", "nom": "Martin", "email": "alix@exemple.fr", "mot_de_passe": "Secret-tres-long-42",
        "_envoi": "jeton-unique"})
    (brouillon,) = _brouillons(ctx)
    champs = brouillon.champs
    assert champs["prenom"] == ["Alix"]
    assert "mot_de_passe" not in champs and "csrf_token" not in champs and "_envoi" not in champs


def test_session_prolongee_par_le_maintien(nav, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    ctx.expire_all()
    (ligne,) = ctx.scalars(select(SessionConnexion)).all()
    ligne.vu_le = en_utc(ligne.vu_le) - app.permanent_session_lifetime + timedelta(minutes=1)
    ctx.commit()
    reponse = nav.post("/compte/session/maintien", depuis="/notes/",
                       headers={"X-CSRFToken": jeton_csrf(nav.get("/notes/").get_data(as_text=True))})
    assert reponse.status_code == 204
    assert int(reponse.headers["X-Session-Restante"]) >= (app.permanent_session_lifetime.total_seconds() - 60)
    ctx.expire_all()
    (ligne,) = ctx.scalars(select(SessionConnexion)).all()
    _expirer_dans = en_utc(ligne.vu_le) + app.permanent_session_lifetime
    from cipdesk.core.db import utcnow
    assert _expirer_dans - utcnow() > app.permanent_session_lifetime - timedelta(minutes=1)


def test_maintien_refuse_sans_session(client):
    assert client.post("/compte/session/maintien").status_code in (400, 401, 302)


def test_avertissement_avant_expiration_dans_la_page(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    html = nav.get("/notes/").get_data(as_text=True)
    assert 'src="/static/js/session.js' in html
    assert re.search(r'data-inactivite="\d+"', html)
    assert 'role="status"' in html and "aria-live" in html and "Rester connecté·e" in html
    assert "<script>" not in html  # no inline script (CSP script-src 'self')


# -- NUL and refused input: 422 with the form and the typed text -----------------------
def test_nul_dans_une_note_repond_422_avec_le_texte(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = nav.post("/notes/", {"contenu": "Début\x00fin du texte tapé"})
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 422
    assert "Débutfin du texte tapé" in html and "caractère invisible" in html
    assert 'name="contenu"' in html


def test_nul_dans_une_fiche_personne_repond_422_avec_le_texte(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = nav.post("/accueil/personnes/nouvelle", {"nom": "Dur\x00and", "prenom": "Camille"})
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 422
    assert 'value="Durand"' in html and 'value="Camille"' in html and "caractère invisible" in html


def test_formulaire_expire_recopie_ce_qui_etait_saisi(client):
    """The session cookie itself is gone (browser closed): the form's token no longer
    matches. Not a bare 400 page: the typed text is shown to copy, passwords never."""
    reponse = client.post("/notes/", data={"contenu": TEXTE, "mot_de_passe": "Secret-tres-long-42",
                                           "csrf_token": "perime"})
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 400
    assert "Formulaire expiré" in html and TEXTE.replace("'", "&#39;") in html
    assert "Secret-tres-long-42" not in html and "perime" not in html


def test_champs_a_garder_sans_jetons_ni_mots_de_passe():
    from cipdesk.web.saisie import champs_a_garder

    assert champs_a_garder([("csrf_token", "x"), ("_envoi", "y"), ("mot_de_passe", "z"), ("nouveau_mot_de_passe", "z"),
                            ("contenu", "texte"), ("publics", "a"), ("publics", "b")]) == {
        "contenu": ["texte"], "publics": ["a", "b"]}
    assert champs_a_garder([("csrf_token", "x"), ("contenu", "  ")]) == {}
    assert champs_a_garder([("contenu", "a" * 600_000)]) == {}


def test_rien_garde_apres_une_deconnexion_ou_une_session_terminee(nav, nav_factory, fabrique, ctx):
    """A copy of the cookie replayed after a logout (or a « Terminer ») plants nothing."""
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    page = nav.get("/notes/")
    jeton = jeton_csrf(page.get_data(as_text=True))
    copie = nav.client.get_cookie("cipdesk_session").value
    assert nav.post("/deconnexion", depuis="/").status_code == 303
    voleur = nav_factory()
    voleur.client.set_cookie("cipdesk_session", copie)
    reponse = voleur.client.post("/notes/", data={"contenu": TEXTE, "csrf_token": jeton})
    assert reponse.status_code == 302 and "/connexion" in reponse.headers["Location"]
    assert _brouillons(ctx) == []

# -- as in a real browser: the cookie was signed at the last activity, not just now -------------
def _cookie_signe_il_y_a(app, client, age: timedelta) -> str:
    """The browser's session cookie, its content signed `age` ago (itsdangerous reads time.time())."""
    from itsdangerous import TimestampSigner

    serialiseur = app.session_interface.get_signing_serializer(app)
    donnees = serialiseur.loads(client.get_cookie("cipdesk_session").value)
    with patch.object(TimestampSigner, "get_timestamp", lambda _s: int(time.time() - age.total_seconds())):
        return serialiseur.dumps(donnees)


def _reculer_vu_le(ctx, utilisateur, recul: timedelta):
    ctx.expire_all()
    for ligne in ctx.scalars(select(SessionConnexion).where(SessionConnexion.utilisateur_id == utilisateur.id)):
        ligne.vu_le = en_utc(ligne.vu_le) - recul
        ligne.debut = en_utc(ligne.debut) - recul
    ctx.commit()


def _sessions(ctx, utilisateur):
    ctx.expire_all()
    return ctx.scalars(select(SessionConnexion).where(SessionConnexion.utilisateur_id == utilisateur.id)).all()


def test_note_envoyee_apres_l_inactivite_avec_le_cookie_de_la_derniere_activite(nav, fabrique, ctx, app):
    """The real case: nobody touched the page for longer than the idle limit, so the cookie
    the browser still holds was signed that long ago (it lives DELAI_DE_REPRISE longer for
    this). It must still name its user, so that the form is kept for them."""
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    jeton = jeton_csrf(nav.get("/notes/").get_data(as_text=True))
    inactif = app.permanent_session_lifetime + timedelta(minutes=10)
    assert inactif < app.permanent_session_lifetime + DELAI_DE_REPRISE
    _reculer_vu_le(ctx, monde.conseiller, inactif)
    nav.client.set_cookie("cipdesk_session", _cookie_signe_il_y_a(app, nav.client, inactif))
    reponse = nav.client.post("/notes/", data={"contenu": TEXTE, "csrf_token": jeton},
                              headers={"Referer": "http://localhost/notes/"})
    assert reponse.status_code in (302, 303) and "/connexion" in reponse.headers["Location"]
    connexion = nav.get(reponse.headers["Location"]).get_data(as_text=True)
    assert "session a expiré" in connexion and "gardé" in connexion
    (brouillon,) = _brouillons(ctx)
    assert brouillon.utilisateur_id == monde.conseiller.id and brouillon.page == "/notes/"
    (ligne,) = _sessions(ctx, monde.conseiller)
    assert ligne.fin is not None and ligne.motif_fin == "inactivite"  # ended by the server, not by the cookie
    apres = nav.connexion(monde.conseiller.email)
    assert apres.status_code == 303 and apres.headers["Location"].endswith("/notes/")
    html = nav.get("/notes/").get_data(as_text=True)
    assert re.search(r"<textarea[^>]*name=\"contenu\"[^>]*>\s*" + re.escape(TEXTE.replace("'", "&#39;")), html)
    assert "remis dans le formulaire" in html


def test_juste_apres_l_inactivite_la_saisie_est_gardee_aussi(nav, fabrique, ctx, app):
    """Last-seen is written at most once a minute, so the server gives it a minute's slack; a
    cookie signed longer ago than the idle limit + its minute proves the idleness: the session is
    ended at once and the form kept (htmx form here: 401 + HX-Redirect, the draft committed)."""
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    jeton = jeton_csrf(nav.get("/notes/").get_data(as_text=True))
    _reculer_vu_le(ctx, monde.conseiller, app.permanent_session_lifetime + timedelta(seconds=20))
    nav.client.set_cookie("cipdesk_session", _cookie_signe_il_y_a(
        app, nav.client, app.permanent_session_lifetime + RAFRAICHISSEMENT + timedelta(seconds=20)))
    reponse = nav.client.post("/notes/", data={"contenu": TEXTE, "csrf_token": jeton},
                              headers={"Referer": "http://localhost/notes/", "HX-Request": "true"})
    assert reponse.status_code == 401 and "/connexion" in reponse.headers["HX-Redirect"]
    (brouillon,) = _brouillons(ctx)
    assert brouillon.utilisateur_id == monde.conseiller.id
    (ligne,) = _sessions(ctx, monde.conseiller)
    assert ligne.motif_fin == "inactivite"


def test_cookie_de_la_derniere_activite_n_ouvre_aucune_page(nav, fabrique, ctx, app):
    """Security guard: that old cookie only says whose draft it is. The server ended the
    session (idle): a GET goes to the login page and shows nothing, not even after a public page."""
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    assert nav.post("/notes/", {"contenu": TEXTE}).status_code == 303
    inactif = app.permanent_session_lifetime + timedelta(minutes=10)
    _reculer_vu_le(ctx, monde.conseiller, inactif)
    cookie = _cookie_signe_il_y_a(app, nav.client, inactif)
    nav.client.set_cookie("cipdesk_session", cookie)
    page = nav.get("/notes/")
    assert page.status_code == 302 and "/connexion" in page.headers["Location"]
    assert TEXTE not in page.get_data(as_text=True)
    # a public page never signs that content again (which would make the old cookie young)
    nav.client.set_cookie("cipdesk_session", cookie)
    assert nav.get("/connexion").status_code == 200
    suite = nav.get("/notes/")
    assert suite.status_code == 302 and TEXTE not in suite.get_data(as_text=True)
    assert _brouillons(ctx) == []


def test_copie_ancienne_du_cookie_pendant_que_la_session_vit(nav, nav_factory, fabrique, ctx, app):
    """A copy of the cookie taken long ago, while its owner is still active (the server session
    is open, seen a moment ago): no access, no draft planted, the owner's session goes on."""
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    jeton = jeton_csrf(nav.get("/notes/").get_data(as_text=True))
    copie = _cookie_signe_il_y_a(app, nav.client, app.permanent_session_lifetime + timedelta(minutes=10))
    voleur = nav_factory()
    voleur.client.set_cookie("cipdesk_session", copie)
    assert voleur.get("/notes/").status_code == 302
    voleur.client.set_cookie("cipdesk_session", copie)
    assert voleur.get("/connexion").status_code == 200
    assert voleur.get("/compte").status_code == 302
    voleur.client.set_cookie("cipdesk_session", copie)
    reponse = voleur.client.post("/notes/", data={"contenu": TEXTE, "csrf_token": jeton})
    assert reponse.status_code in (302, 400)  # to the login page, or « Formulaire expiré » if not read at all
    assert _brouillons(ctx) == []
    (ligne,) = _sessions(ctx, monde.conseiller)
    assert ligne.fin is None
    assert nav.get("/notes/").status_code == 200


def test_cookie_plus_vieux_que_le_delai_de_reprise_refuse(nav, fabrique, ctx, app):
    """Past the idle limit plus DELAI_DE_REPRISE (the cookie's own expiry) the signature is
    refused: the cookie names nobody, nothing is kept (the text is shown to copy, as
    when the browser dropped the cookie)."""
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    jeton = jeton_csrf(nav.get("/notes/").get_data(as_text=True))
    trop_vieux = app.permanent_session_lifetime + DELAI_DE_REPRISE + RAFRAICHISSEMENT + timedelta(minutes=1)
    _reculer_vu_le(ctx, monde.conseiller, trop_vieux)
    nav.client.set_cookie("cipdesk_session", _cookie_signe_il_y_a(app, nav.client, trop_vieux))
    reponse = nav.client.post("/notes/", data={"contenu": TEXTE, "csrf_token": jeton})
    assert reponse.status_code in (302, 400)
    assert _brouillons(ctx) == []
    page = nav.get("/notes/")
    assert page.status_code == 302 and "/connexion" in page.headers["Location"]


def test_une_signature_tardive_garde_le_jeton_de_la_session_serveur():
    from cipdesk.comptes.routes import CLE_SESSION
    from cipdesk.web.securite import CLES_D_UNE_SIGNATURE_TARDIVE

    assert CLE_SESSION in CLES_D_UNE_SIGNATURE_TARDIVE


def test_regle_brouillon_permis():
    from datetime import datetime, timezone

    from cipdesk.comptes.rules import FinSession, brouillon_permis

    maintenant = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
    assert brouillon_permis(motif_fin=FinSession.INACTIVITE, fin=maintenant, maintenant=maintenant)
    assert brouillon_permis(motif_fin=FinSession.DUREE_MAXIMALE, fin=maintenant - timedelta(minutes=29),
                            maintenant=maintenant)
    assert not brouillon_permis(motif_fin=FinSession.INACTIVITE, fin=maintenant - timedelta(minutes=31),
                                maintenant=maintenant)
    for motif in (FinSession.DECONNEXION, FinSession.TERMINEE, FinSession.MOT_DE_PASSE, FinSession.ADMINISTRATION):
        assert not brouillon_permis(motif_fin=motif, fin=maintenant, maintenant=maintenant)
    assert not brouillon_permis(motif_fin="", fin=None, maintenant=maintenant)
