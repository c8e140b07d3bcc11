"""The fixed cost of every authenticated page: the account, its open session on the server,
its structure, équipe and candidat profile are read in one statement (the user loader), and
every check stays made on each request (active account, login epoch, session open, of
this account)."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from unittest.mock import patch

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from cipdesk.comptes.models import SessionConnexion, Structure, Utilisateur
from cipdesk.security.audit import Action, JournalAudit, verifier
from cipdesk.web.securite import DELAI_DE_REPRISE, RAFRAICHISSEMENT
from tests.factories import objets_de_tous_les_modules
from tests.http.requetes import allers_retours, compter_requetes, requetes


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


# -- round trips to PostgreSQL: a page that only reads opens no transaction (core.db) -------------------
def _postgres(app):
    from cipdesk.core.db import db

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("les allers-retours vers le serveur se comptent sur PostgreSQL")


def test_une_page_qui_ne_fait_que_lire_coute_un_seul_aller_retour(app, nav_factory, fabrique):
    """No BEGIN, no COMMIT, no SET, no ping: the user loader's statement, and nothing else."""
    _postgres(app)
    m = fabrique.monde()
    for qui in (m.conseiller, m.chef):
        nav = nav_factory()
        nav.connexion(qui.email)
        for _ in range(6):  # warm-up: « vu le » written (once a minute at most), statements prepared
            nav.get("/compte")  # by the driver (at their 5th run on a connection: one more round trip then)
        for url in ("/compte", "/accessibilite"):
            reponse, allers = allers_retours(app, nav, url)
            assert reponse.status_code == 200
            assert allers == ["requête"], (qui.email, url, allers)


def test_une_lecture_auditee_ecrit_dans_une_transaction(app, nav, fabrique, ctx):
    """The first write opens the transaction (its BEGIN sent with it, one round trip), the commit
    closes it: the audit line is there after the page."""
    _postgres(app)
    monde = fabrique.monde()
    ids = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Lecture auditée")
    nav.connexion(monde.conseiller.email)
    url = f"/accueil/personnes/{ids['personne']}"
    nav.get(url)
    avant = ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == Action.LECTURE, JournalAudit.objet_id == str(ids["personne"])))
    reponse, allers = allers_retours(app, nav, url)
    assert reponse.status_code == 200
    assert allers[0] == "requête" and allers.count("BEGIN + requête") == 1 and allers[-1] == "COMMIT", allers
    debut = allers.index("BEGIN + requête")
    assert set(allers[:debut]) == {"requête"} and set(allers[debut + 1:-1]) <= {"requête"}, allers
    ctx.expire_all()
    assert ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == Action.LECTURE, JournalAudit.objet_id == str(ids["personne"]))) == avant + 1


def test_la_ligne_d_audit_d_une_lecture_coute_deux_allers_retours(app, nav, fabrique, ctx):
    """The chained write (security.audit): one round trip takes and reads the head (the next
    empreinte depends on it), one writes the row and moves the head; then the COMMIT."""
    _postgres(app)
    monde = fabrique.monde()
    ids = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Lecture auditée")
    nav.connexion(monde.conseiller.email)
    url = f"/accueil/personnes/{ids['personne']}"
    for _ in range(7):  # statements prepared by the driver (at their 5th run: one more round trip then)
        nav.get(url)
    textes = requetes(app, nav, url)
    journal = [t for t in textes if "journal_audit" in t]
    assert len(journal) == 2, journal
    assert journal[0].startswith("UPDATE journal_audit_tete") and "RETURNING" in journal[0]
    assert "UPDATE journal_audit_tete" in journal[1] and "INSERT INTO journal_audit " in journal[1]
    reponse, allers = allers_retours(app, nav, url)
    assert reponse.status_code == 200
    assert len(allers) == len(textes) + 1 and allers[-1] == "COMMIT", (textes, allers)  # one per statement
    ctx.expire_all()
    assert verifier(ctx).integre


@pytest.mark.parametrize("instruction, lecture", [
    ("SELECT utilisateur.id FROM utilisateur WHERE utilisateur.id = %(id)s", True),
    ("WITH e AS MATERIALIZED (SELECT 1 AS x) SELECT x FROM e", True),
    ("(SELECT 1) UNION ALL (SELECT 2)", True),
    ("SELECT personne.updated_at, personne.deleted FROM personne", True),
    ("SELECT 1 FROM journal_audit_tete WHERE id = 1 FOR UPDATE", False),
    ("SELECT 1 FROM personne FOR NO KEY UPDATE SKIP LOCKED", False),
    ("select 1 from personne for share", False),
    ("UPDATE journal_audit_tete SET rang = rang WHERE id = 1 RETURNING id, rang, empreinte", False),
    ("INSERT INTO journal_audit (id) VALUES (%(id)s)", False),
    ("DELETE FROM brouillon WHERE cree_le < %(le)s", False),
    ("WITH tete AS (UPDATE journal_audit_tete SET rang = rang + 1 RETURNING rang) SELECT rang FROM tete", False),
    ("WITH x AS (DELETE FROM brouillon RETURNING id) SELECT count(*) FROM x", False),
    ("SELECT * INTO copie FROM personne", False),
    ("SELECT nextval('seq')", False),
    ("SELECT pg_advisory_xact_lock(42)", False),
    ("SELECT set_config('statement_timeout', '1s', true)", False),
    ("SAVEPOINT sa_savepoint_1", False),
    ("SET LOCAL lock_timeout = '2s'", False),
    ("LOCK TABLE personne", False),
])
def test_ce_qui_est_une_simple_lecture(instruction, lecture):
    """Only a plain read runs outside the transaction; anything else opens it (core.db)."""
    from cipdesk.core.db import est_une_lecture

    assert est_une_lecture(instruction) is lecture


def test_hors_requete_une_connexion_en_autocommit_le_reste(app):
    """Outside a web request, a connection the caller put in autocommit (VACUUM, CREATE DATABASE
    cannot run in a transaction: bench/echelle.analyser) is not turned back into a transaction."""
    from sqlalchemy import text

    from cipdesk.core.db import db

    _postgres(app)
    with app.app_context():
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connexion:
            assert connexion.connection.dbapi_connection.autocommit
            connexion.execute(text("VACUUM ANALYZE journal_audit_tete"))


def test_la_premiere_ecriture_ouvre_la_transaction(app, fabrique):
    """Inside a request: reads in autocommit; a write, a row lock, a savepoint or a server-side
    cursor open the transaction, and a rollback undoes every write since (nothing half saved)."""
    from psycopg.pq import TransactionStatus

    from cipdesk.core.db import db, lectures_hors_transaction

    _postgres(app)
    s1 = fabrique.structure()
    jeton = lectures_hors_transaction.set(True)
    try:
        with app.app_context():
            session = db.session
            brute = session.connection().connection.dbapi_connection
            session.scalar(select(func.count(Utilisateur.id)))
            assert brute.autocommit and brute.pgconn.transaction_status == TransactionStatus.IDLE
            session.execute(update(Utilisateur).where(Utilisateur.structure_id == s1.id).values(actif=False))
            assert brute.pgconn.transaction_status == TransactionStatus.INTRANS
            session.execute(update(Structure).where(Structure.id == s1.id).values(ville="Annulée"))
            session.rollback()
            assert session.scalar(select(Structure.ville).where(Structure.id == s1.id)) != "Annulée"
            session.rollback()
            # a row lock is held until the end of the transaction
            session.execute(select(Structure.id).where(Structure.id == s1.id).with_for_update())
            assert brute.pgconn.transaction_status == TransactionStatus.INTRANS
            session.rollback()
            with session.begin_nested():
                session.scalar(select(func.count(Structure.id)))
            assert brute.pgconn.transaction_status == TransactionStatus.INTRANS
            session.rollback()
            assert sum(1 for _ in session.execute(select(Structure.id).execution_options(yield_per=1))) >= 1
            session.rollback()
            # a first write that fails (sent with its BEGIN) raises as usual; the connection stays usable
            with pytest.raises(IntegrityError):
                session.execute(update(Structure).where(Structure.id == s1.id).values(nom=None))
            session.rollback()
            assert session.scalar(select(Structure.ville).where(Structure.id == s1.id)) != "Annulée"
            session.rollback()
            db.session.remove()
        assert not brute.autocommit  # given back to the pool as it was taken
    finally:
        lectures_hors_transaction.reset(jeton)
    # outside a request (commands, tests), every statement is in a transaction as before
    with app.app_context():
        brute = db.session.connection().connection.dbapi_connection
        db.session.scalar(select(func.count(Utilisateur.id)))
        assert not brute.autocommit and brute.pgconn.transaction_status == TransactionStatus.INTRANS
        db.session.remove()


# -- the session cookie: signed again at most once a minute, its signature checked every time ----------
def _cookie_de_session(reponse) -> str | None:
    return next((c for c in reponse.headers.getlist("Set-Cookie") if c.startswith("cipdesk_session=")), None)


def _signer_il_y_a(app, nav, age: timedelta) -> None:
    """Replace the browser's session cookie by the same content signed `age` ago."""
    from itsdangerous import TimestampSigner

    serialiseur = app.session_interface.get_signing_serializer(app)
    donnees = serialiseur.loads(nav.client.get_cookie("cipdesk_session").value)
    with patch.object(TimestampSigner, "get_timestamp", lambda _s: int(time.time() - age.total_seconds())):
        nav.client.set_cookie("cipdesk_session", serialiseur.dumps(donnees))


def test_le_cookie_de_session_n_est_pas_resigne_a_chaque_page(app, nav, fabrique):
    m = fabrique.monde()
    assert _cookie_de_session(nav.connexion(m.conseiller.email))  # the login changes the session: sent
    nav.get("/compte")
    assert _cookie_de_session(nav.get("/compte")) is None  # unchanged, signed less than a minute ago
    _signer_il_y_a(app, nav, timedelta(minutes=2))
    rafraichi = _cookie_de_session(nav.get("/compte"))
    assert rafraichi and "HttpOnly" in rafraichi and "SameSite=Lax" in rafraichi
    expire = parsedate_to_datetime(rafraichi.split("Expires=")[1].split(";")[0])
    attendu = datetime.now(timezone.utc) + app.permanent_session_lifetime + DELAI_DE_REPRISE
    assert abs((expire - attendu).total_seconds()) < 60
    assert _cookie_de_session(nav.get("/compte")) is None


def test_un_cookie_trop_vieux_ou_falsifie_n_ouvre_rien(app, nav_factory, fabrique):
    """The signature and its age are checked on every request: a cookie signed longer ago than
    the idle limit (plus the minute it may lag) opens nothing — it is read only to name a draft's
    author (tests/http/test_saisie_gardee.py) —, a forged one is refused."""
    m = fabrique.monde()
    nav = nav_factory()
    nav.connexion(m.conseiller.email)
    # signed a little less than a minute past the idle limit: still read (it may have lagged that long),
    # the server's own session (seen a moment ago) is what decides
    _signer_il_y_a(app, nav, app.permanent_session_lifetime + timedelta(seconds=30))
    assert nav.get("/compte").status_code == 200
    _signer_il_y_a(app, nav, app.permanent_session_lifetime + RAFRAICHISSEMENT + timedelta(seconds=30))
    assert nav.get("/compte").status_code == 302
    autre = nav_factory()
    autre.connexion(m.collegue.email)
    valeur = autre.client.get_cookie("cipdesk_session").value
    autre.client.set_cookie("cipdesk_session", valeur[:-2] + ("AA" if not valeur.endswith("AA") else "BB"))
    assert autre.get("/compte").status_code == 302


def test_la_cle_de_donnees_est_ouverte_une_fois_par_processus(app, nav, fabrique, ctx):
    """A page that decrypts (the person's page: the texts of its chronology) reads and unwraps its
    structure's data key once per process (security.keys.Coffre, by key id: the key of an id never
    changes); later pages read no `cle_donnees` row."""
    from cipdesk.security import keys

    monde = fabrique.monde()
    ids = objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Lecture auditée")
    nav.connexion(monde.conseiller.email)
    url = f"/accueil/personnes/{ids['personne']}"
    keys.coffre()._deks.clear()  # a new process
    textes = requetes(app, nav, url)
    assert any("FROM cle_donnees" in t for t in textes)
    assert keys.coffre()._deks
    assert not any("cle_donnees" in t for t in requetes(app, nav, url))
