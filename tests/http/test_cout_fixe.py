"""The fixed cost of every authenticated page: the account, its open session on the server,
its structure, équipe and candidat profile are read in one statement (the user loader), and
every check stays made on each request (active account, login epoch, session open, of
this account)."""
from __future__ import annotations

from sqlalchemy import update

from cipdesk.comptes.models import SessionConnexion, Utilisateur
from tests.http.requetes import compter_requetes


def test_une_page_minimale_coute_une_seule_requete(app, nav_factory, fabrique):
    m = fabrique.monde()
    for qui in (m.conseiller, m.candidat, m.chef, m.admin):
        nav = nav_factory()
        assert nav.connexion(qui.email).status_code == 303
        nav.get("/compte")  # warm-up
        # « Mon compte » shows the structure, the équipe and the candidat profile: the same statement.
        assert compter_requetes(app, nav, "/compte") == 1, qui.email
        # a page with nothing of its own: the menu, the header, the footer
        assert compter_requetes(app, nav, "/accessibilite") == 1, qui.email


def test_chaque_verification_reste_faite_a_chaque_requete(nav_factory, fabrique, ctx):
    m = fabrique.monde()
    cas = {
        "compte désactivé": lambda u: ctx.execute(
            update(Utilisateur).where(Utilisateur.id == u.id).values(actif=False)),
        "époque changée (mot de passe, révocation)": lambda u: ctx.execute(
            update(Utilisateur).where(Utilisateur.id == u.id).values(session_epoch=Utilisateur.session_epoch + 1)),
        "session fermée sur le serveur": lambda u: ctx.execute(
            update(SessionConnexion).where(SessionConnexion.utilisateur_id == u.id).values(fin=SessionConnexion.debut)),
    }
    for (motif, changer), qui in zip(cas.items(), (m.conseiller, m.collegue, m.candidat)):
        nav = nav_factory()
        nav.connexion(qui.email)
        assert nav.get("/compte").status_code == 200, motif
        changer(qui)
        ctx.commit()
        assert nav.get("/compte").status_code == 302, motif


def test_la_session_d_un_autre_compte_n_ouvre_rien(nav_factory, fabrique):
    """The server-side session named by the cookie must be this account's own."""
    m = fabrique.monde()
    a, b = nav_factory(), nav_factory()
    a.connexion(m.conseiller.email)
    b.connexion(m.collegue.email)
    with b.client.session_transaction() as session_b:
        jeton_de_b = session_b["sid"]
    with a.client.session_transaction() as session_a:
        session_a["sid"] = jeton_de_b  # A's account id, B's open session
    assert a.get("/compte").status_code == 302
    assert b.get("/compte").status_code == 200
