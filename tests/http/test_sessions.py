"""Issue #10, point 2: sessions are kept on the server. Logout, idle and
absolute timeouts, a password change, an admin's change and "Mes sessions" end
them there, so a copied cookie stops working; last-seen is written at most once
a minute."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from cipdesk.comptes.models import SessionConnexion
from cipdesk.comptes.rules import en_utc
from tests.conftest import MOT_DE_PASSE

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
CHROME_WINDOWS = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/126.0.0.0 Safari/537.36")
AILLEURS = {"REMOTE_ADDR": "203.0.113.99"}


def _cookie_de_session(nav) -> str:
    return nav.client.get_cookie("cipdesk_session").value


def _voleur(nav_factory, cookie):
    """Another browser, at another address, replaying a copied session cookie."""
    voleur = nav_factory()
    voleur.client.set_cookie("cipdesk_session", cookie)
    return voleur


def _get_ailleurs(nav, url="/"):
    return nav.client.get(url, environ_base=AILLEURS, headers={"User-Agent": CHROME_WINDOWS})


def _sessions(ctx, utilisateur):
    ctx.expire_all()
    return ctx.scalars(select(SessionConnexion).where(SessionConnexion.utilisateur_id == utilisateur.id)
                       .order_by(SessionConnexion.debut)).all()


def test_cookie_copie_avant_la_deconnexion_ne_sert_plus(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    copie = _cookie_de_session(nav)
    assert _get_ailleurs(_voleur(nav_factory, copie)).status_code == 200  # the copy works while logged in
    assert nav.post("/deconnexion", depuis="/").status_code == 303
    assert _get_ailleurs(_voleur(nav_factory, copie)).status_code == 302
    assert _voleur(nav_factory, copie).get("/notes/").status_code == 302
    (ligne,) = _sessions(ctx, monde.conseiller)
    assert ligne.fin is not None and ligne.motif_fin == "deconnexion"


def test_expiration_par_inactivite_fermee_sur_le_serveur(nav, nav_factory, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    copie = _cookie_de_session(nav)
    (ligne,) = _sessions(ctx, monde.conseiller)
    ligne.vu_le = en_utc(ligne.vu_le) - app.permanent_session_lifetime - timedelta(minutes=2)
    ctx.commit()
    assert _voleur(nav_factory, copie).get("/").status_code == 302
    (ligne,) = _sessions(ctx, monde.conseiller)
    assert ligne.motif_fin == "inactivite"
    # ended for good: putting last-seen back does not revive it
    ligne.vu_le = en_utc(ligne.debut)
    ctx.commit()
    assert nav.get("/").status_code == 302


def test_expiration_absolue_fermee_sur_le_serveur(nav, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    (ligne,) = _sessions(ctx, monde.conseiller)
    ligne.debut = en_utc(ligne.debut) - timedelta(hours=app.config["CIPDESK_ABSOLUTE_SESSION_HOURS"], minutes=1)
    ctx.commit()
    assert nav.get("/compte").status_code == 302
    assert _sessions(ctx, monde.conseiller)[0].motif_fin == "duree_maximale"


def test_derniere_activite_ecrite_au_plus_une_fois_par_minute(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    (ligne,) = _sessions(ctx, monde.conseiller)
    premier = en_utc(ligne.vu_le)
    for _ in range(3):
        assert nav.get("/compte").status_code == 200
    assert en_utc(_sessions(ctx, monde.conseiller)[0].vu_le) == premier  # no write on each request
    ligne = _sessions(ctx, monde.conseiller)[0]
    ligne.vu_le = premier - timedelta(seconds=61)
    ctx.commit()
    nav.get("/compte")
    assert en_utc(_sessions(ctx, monde.conseiller)[0].vu_le) > premier


def test_mes_sessions_liste_et_termine(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    autre = nav_factory()
    autre.connexion(monde.conseiller.email, headers={"User-Agent": CHROME_WINDOWS}, environ_base=AILLEURS)
    nav.connexion(monde.conseiller.email, headers={"User-Agent": FIREFOX})
    nav_factory().connexion(monde.collegue.email)  # someone else's session
    page = nav.get("/compte/sessions")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Mes sessions" in html
    assert "Firefox sous Linux" in html and "Chrome sous Windows" in html and "203.0.113.99" in html
    assert "ce navigateur" in html and "Terminer toutes les autres sessions" in html
    assert FIREFOX not in html  # a summary, not the full user-agent string
    assert "/compte/sessions" in nav.get("/compte").get_data(as_text=True)  # reachable from the account

    sienne, courante = _sessions(ctx, monde.conseiller)
    assert nav.post(f"/compte/sessions/{sienne.id}/fin", {}, depuis="/compte/sessions").status_code == 303
    assert autre.get("/").status_code == 302
    assert nav.get("/").status_code == 200
    assert _sessions(ctx, monde.conseiller)[0].motif_fin == "terminee"
    # this browser's own session is ended by "Se déconnecter", not from the list
    refus = nav.post(f"/compte/sessions/{courante.id}/fin", {}, depuis="/compte/sessions", follow_redirects=True)
    assert "Se déconnecter" in refus.get_data(as_text=True) and nav.get("/").status_code == 200


def test_terminer_toutes_les_autres(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    autres = [nav_factory() for _ in range(3)]
    for a in autres:
        a.connexion(monde.conseiller.email)
    collegue = nav_factory()
    collegue.connexion(monde.collegue.email)
    nav.connexion(monde.conseiller.email)
    reponse = nav.post("/compte/sessions/autres/fin", {}, depuis="/compte/sessions", follow_redirects=True)
    assert "3 autres sessions terminées." in reponse.get_data(as_text=True)
    assert all(a.get("/").status_code == 302 for a in autres)
    assert nav.get("/").status_code == 200 and collegue.get("/").status_code == 200
    html = nav.get("/compte/sessions").get_data(as_text=True)
    assert html.count("Terminer<span") == 0 and "Terminer toutes les autres" not in html


def test_on_ne_termine_pas_la_session_d_un_autre(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    victime = nav_factory()
    victime.connexion(monde.collegue.email)
    (ligne,) = _sessions(ctx, monde.collegue)
    nav.connexion(monde.conseiller.email)
    assert nav.post(f"/compte/sessions/{ligne.id}/fin", {}, depuis="/compte/sessions").status_code == 404
    assert victime.get("/").status_code == 200
    assert str(ligne.id) not in nav.get("/compte/sessions").get_data(as_text=True)


def test_changement_de_mot_de_passe_et_d_acces_ferment_les_sessions_sur_le_serveur(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    ailleurs = nav_factory()
    ailleurs.connexion(monde.conseiller.email)
    nav.connexion(monde.conseiller.email)
    nouveau = "girafe tambour cerise hiver"
    assert nav.post("/compte/mot-de-passe", {"actuel": MOT_DE_PASSE, "nouveau": nouveau,
                                             "confirmation": nouveau}).status_code == 303
    premiere, seconde = _sessions(ctx, monde.conseiller)
    assert premiere.motif_fin == "mot_de_passe" and seconde.fin is None
    assert nav.get("/").status_code == 200
    admin = nav_factory()
    admin.connexion(monde.admin.email)
    admin.post(f"/admin/utilisateurs/{monde.conseiller.id}", {"role": "conseiller"})  # deactivated
    assert _sessions(ctx, monde.conseiller)[1].motif_fin == "administration"
    assert ctx.scalar(select(func.count()).select_from(SessionConnexion)
                      .where(SessionConnexion.fin.is_(None))) == 1  # the admin's own


def test_le_jeton_n_est_pas_stocke_en_clair(nav, fabrique, ctx, app):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    with app.test_request_context():
        from flask import current_app

        donnees = current_app.session_interface.get_signing_serializer(current_app).loads(_cookie_de_session(nav))
    (ligne,) = _sessions(ctx, monde.conseiller)
    assert donnees["sid"] and donnees["sid"] != ligne.empreinte and len(ligne.empreinte) == 64
