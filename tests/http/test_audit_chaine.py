"""The audit log is a chain (issue #10, point 8): `cipdesk audit verify` reports a deleted,
a modified, an inserted (forged) and an unchained row; the purge flag deletes nothing; only
the retention purge removes rows, and writes in the chain what it removed. On SQLite and on
PostgreSQL (CIPDESK_TEST_DATABASE_URL)."""
from __future__ import annotations

import contextlib
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, attributes

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import db, utcnow
from cipdesk.security import audit
from cipdesk.security.audit import Action, JournalAudit, journaliser


def ecrire(session, n: int, *, le=None) -> None:
    for i in range(n):
        if le is None:
            journaliser(session, acteur=None, action=Action.LECTURE, objet_type="note_confidentielle",
                        objet_id=f"n{i}", details={"i": i})
        else:
            session.add(JournalAudit(at=le, action=Action.LECTURE, objet_type="note", objet_id=f"v{i}"))
    session.commit()


@contextlib.contextmanager
def sans_declencheurs(session):
    """What an attacker with the database in hand does: lift the append-only triggers."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE journal_audit DISABLE TRIGGER USER"))
        yield conn
        conn.execute(text("ALTER TABLE journal_audit ENABLE TRIGGER USER"))
    else:
        ordres = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                   "AND tbl_name = 'journal_audit'")).all()
        for nom, _ in ordres:
            conn.execute(text(f"DROP TRIGGER {nom}"))
        yield conn
        for _, sql in ordres:
            conn.execute(text(sql))
    session.commit()


def verifier(session):
    session.rollback()
    bilan = audit.verifier(session)
    session.rollback()
    return bilan


def test_une_chaine_intacte_est_reconnue(ctx):
    ecrire(ctx, 5)
    bilan = verifier(ctx)
    assert bilan.integre, bilan.anomalies
    assert (bilan.lignes, bilan.premier, bilan.dernier) == (5, 1, 5)
    rangs = ctx.scalars(select(JournalAudit.rang).order_by(JournalAudit.id)).all()
    assert rangs == [1, 2, 3, 4, 5]


def test_une_ligne_supprimee_est_detectee(ctx):
    ecrire(ctx, 5)
    with sans_declencheurs(ctx) as conn:
        conn.execute(text("DELETE FROM journal_audit WHERE rang = 3"))
    bilan = verifier(ctx)
    assert not bilan.integre
    assert "Lignes manquantes : rangs 3 à 3." in bilan.anomalies


def test_la_derniere_ligne_supprimee_est_detectee(ctx):
    ecrire(ctx, 4)
    with sans_declencheurs(ctx) as conn:
        conn.execute(text("DELETE FROM journal_audit WHERE rang = 4"))
    assert any("fin de journal" in a for a in verifier(ctx).anomalies)


def test_une_ligne_modifiee_est_detectee(ctx):
    ecrire(ctx, 5)
    with sans_declencheurs(ctx) as conn:
        conn.execute(text("UPDATE journal_audit SET acteur_libelle = 'Quelqu''un d''autre' WHERE rang = 2"))
    bilan = verifier(ctx)
    assert bilan.anomalies == ["Rang 2 : ligne modifiée ou forgée (empreinte invalide)."]


def test_une_ligne_inseree_ou_forgee_est_detectee(ctx):
    ecrire(ctx, 3)
    premiere = ctx.scalar(select(JournalAudit).where(JournalAudit.rang == 3))
    # A forged row appended with a plausible rang and a made-up empreinte…
    ctx.execute(text(
        "INSERT INTO journal_audit (at, acteur_libelle, role, action, objet_type, objet_id, adresse_ip, "
        "agent, motif, details, rang, empreinte_precedente, empreinte, cle_id) VALUES (:at, 'Faux', '', "
        "'lecture', 'note', 'x', '', '', '', '{}', 4, :prec, :emp, :cle)"),
        {"at": utcnow(), "prec": premiere.empreinte, "emp": "f" * 64, "cle": premiere.cle_id})
    # … and a row inserted outside the chain.
    ctx.execute(text(
        "INSERT INTO journal_audit (at, acteur_libelle, role, action, objet_type, objet_id, adresse_ip, "
        "agent, motif, details) VALUES (:at, 'Faux', '', 'lecture', 'note', 'y', '', '', '', '{}')"),
        {"at": utcnow()})
    ctx.commit()
    anomalies = verifier(ctx).anomalies
    assert "Rang 4 : ligne modifiée ou forgée (empreinte invalide)." in anomalies
    assert "1 ligne(s) hors chaîne (insérées sans empreinte)." in anomalies
    assert "Tête de chaîne incohérente avec la dernière ligne." in anomalies


def test_le_drapeau_de_purge_ne_supprime_plus_rien(ctx):
    ecrire(ctx, 2)
    with pytest.raises(DBAPIError, match="ajout seul"):
        ctx.execute(text("INSERT INTO audit_purge_autorisee (id) VALUES (1)"))
        ctx.execute(text("DELETE FROM journal_audit"))
    ctx.rollback()
    assert ctx.scalar(select(func.count()).select_from(JournalAudit)) == 2
    assert verifier(ctx).integre


def test_seule_la_purge_de_conservation_supprime_et_elle_est_documentee(ctx):
    ecrire(ctx, 3, le=utcnow() - timedelta(days=400))
    ecrire(ctx, 2)
    # Old rows are not deletable one by one either, even old ones.
    with pytest.raises(DBAPIError, match="ajout seul"):
        ctx.execute(text("DELETE FROM journal_audit WHERE rang = 1"))
    ctx.rollback()
    with pytest.raises(ValueError, match="6 mois"):
        audit.purger(ctx, mois=3)
    bilan = audit.purger(ctx, mois=12)
    ctx.commit()
    assert (bilan["du_rang"], bilan["jusqu_au_rang"], bilan["lignes"]) == (1, 3, 3)
    assert ctx.scalars(select(JournalAudit.rang).order_by(JournalAudit.rang)).all() == [4, 5, 6]
    purge = ctx.scalar(select(JournalAudit).where(JournalAudit.action == Action.PURGE))
    assert purge.details["jusqu_au_rang"] == 3
    resultat = verifier(ctx)
    assert resultat.integre, resultat.anomalies
    assert audit.purger(ctx, mois=12) == {"lignes": 0}  # nothing older left


def test_une_purge_non_documentee_est_detectee(ctx):
    ecrire(ctx, 4)
    with sans_declencheurs(ctx) as conn:
        conn.execute(text("DELETE FROM journal_audit WHERE rang <= 2"))
    assert "Lignes manquantes : rangs 1 à 2 sans purge documentée." in verifier(ctx).anomalies


def test_ajouts_concurrents_sans_trou_ni_doublon(app, ctx):
    with app.app_context():
        engine = db.engine
    erreurs = []

    def travailleur(k):
        try:
            with Session(engine) as s:
                for i in range(5):
                    journaliser(s, acteur=None, action=Action.LECTURE, objet_type="t", objet_id=f"{k}-{i}")
                    s.commit()
        except Exception as exc:  # noqa: BLE001
            erreurs.append(exc)

    fils = [threading.Thread(target=travailleur, args=(k,)) for k in range(4)]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    assert not erreurs, erreurs
    assert ctx.scalars(select(JournalAudit.rang).order_by(JournalAudit.rang)).all() == list(range(1, 21))
    assert verifier(ctx).integre


def test_la_commande_audit_verify(app, ctx):
    ecrire(ctx, 3)
    runner = app.test_cli_runner()
    resultat = runner.invoke(args=["audit", "verify"])
    assert resultat.exit_code == 0, resultat.output
    assert "Journal d'audit intègre : 3 ligne(s), rangs 1 à 3." in resultat.output
    with sans_declencheurs(ctx) as conn:
        conn.execute(text("UPDATE journal_audit SET motif = 'effacé' WHERE rang = 1"))
    resultat = runner.invoke(args=["audit", "verify"])
    assert resultat.exit_code != 0
    assert "Rang 1 : ligne modifiée ou forgée" in resultat.output
    assert "NON intègre" in resultat.output


def test_seule_la_conservation_purge_le_journal(app, ctx):
    """Issue #18 point 9: `cipdesk retention` is the only way rows leave the audit trail (the
    former `audit purger` command is gone); its purge is written in the chain."""
    ecrire(ctx, 2, le=utcnow() - timedelta(days=400))
    runner = app.test_cli_runner()
    assert runner.invoke(args=["audit", "purger"]).exit_code != 0
    with app.app_context():  # a module's command is run by `cipdesk` inside the app (cli.main)
        resultat = runner.invoke(args=["retention"])
    assert resultat.exit_code == 0, resultat.output
    assert "2 ligne(s) purgée(s)" in resultat.output
    assert runner.invoke(args=["audit", "verify"]).exit_code == 0


def test_la_migration_chaine_les_lignes_existantes(app_neuve):
    from flask_migrate import downgrade, upgrade

    with app_neuve.app_context():
        upgrade(revision="0010_soumissions")
        with db.engine.begin() as c:
            for i in range(3):
                c.execute(text(
                    "INSERT INTO journal_audit (at, acteur_libelle, role, action, objet_type, objet_id, "
                    "adresse_ip, agent, motif, details) VALUES (:at, 'Avant <a@exemple.fr>', 'admin', "
                    "'lecture', 'note', :o, '127.0.0.1', '', '', '{\"i\": 1}')"),
                    {"at": utcnow() - timedelta(days=3 - i), "o": f"o{i}"})
        upgrade()
        session = Session(db.engine)
        try:
            ecrire(session, 1)
            bilan = verifier(session)
            assert bilan.integre, bilan.anomalies
            assert (bilan.lignes, bilan.premier, bilan.dernier) == (4, 1, 4)
        finally:
            session.close()
        downgrade(revision="0010_soumissions")
        upgrade()
        session = Session(db.engine)
        try:
            assert verifier(session).integre
        finally:
            session.close()


from tests.http.test_migrations import app_neuve  # noqa: E402,F401  (fixture: an app on an empty database)


# -- the head of the chain is taken just before the commit, not at the first flush ---------------

def test_la_tete_n_est_pas_tenue_avant_la_validation(app, ctx):
    """An audited page journalises early then keeps querying (autoflush) and rendering: another
    transaction's audit row must not wait for it (the head is only locked at commit time)."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("le verrou de ligne de la tête de chaîne se mesure sur PostgreSQL")
    ecrire(ctx, 1)  # the head exists
    with Session(engine) as a, Session(engine) as b:
        journaliser(a, acteur=None, action=Action.LECTURE, objet_type="personne", objet_id="page-a")
        a.scalar(select(func.count(Utilisateur.id)))  # autoflush
        # B would wait for A's row lock on the head if A held it: fail fast instead.
        b.execute(text("SET LOCAL lock_timeout = '2s'"))
        journaliser(b, acteur=None, action=Action.LECTURE, objet_type="personne", objet_id="page-b")
        b.commit()
        a.commit()
    lignes = ctx.execute(select(JournalAudit.rang, JournalAudit.objet_id).order_by(JournalAudit.rang)).all()
    assert [tuple(r) for r in lignes][1:] == [(2, "page-b"), (3, "page-a")]
    assert verifier(ctx).integre


def test_les_lignes_mises_de_cote_suivent_la_transaction(ctx):
    journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="annulee")
    ctx.scalar(select(func.count(Utilisateur.id)))  # autoflush
    ctx.rollback()
    premiere = journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="1")
    ctx.flush()
    journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="2")
    ctx.scalar(select(func.count(Utilisateur.id)))
    journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="3")
    assert premiere.rang is None  # not chained yet: the head is not taken
    ctx.commit()
    assert premiere.rang == 1
    assert ctx.execute(select(JournalAudit.objet_id).order_by(JournalAudit.rang)).scalars().all() == ["1", "2", "3"]
    assert verifier(ctx).integre


def test_une_lecture_du_journal_voit_ses_propres_lignes(ctx):
    """Reading the journal in the same transaction writes the waiting rows first (as the
    first flush used to), in order; `ecrire_journal` does it on demand."""
    ligne = journaliser(ctx, acteur=None, action=Action.EXPORT, objet_type="t", objet_id="a")
    ctx.flush()
    assert ctx.scalars(select(JournalAudit.objet_id)).all() == ["a"]
    assert ligne.rang == 1 and ligne.id is not None
    autre = journaliser(ctx, acteur=None, action=Action.EXPORT, objet_type="t", objet_id="b")
    audit.ecrire_journal(ctx)
    assert autre.rang == 2
    assert ctx.scalar(text("SELECT count(*) FROM journal_audit")) == 2
    ctx.commit()
    assert verifier(ctx).integre


def test_un_point_de_sauvegarde_annule_emporte_ses_lignes(ctx):
    journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="avant")
    point = ctx.begin_nested()
    journaliser(ctx, acteur=None, action=Action.CREATION, objet_type="t", objet_id="annulee")
    ctx.scalar(select(func.count(Utilisateur.id)))  # set aside inside
    point.rollback()
    with ctx.begin_nested():
        journaliser(ctx, acteur=None, action=Action.CREATION, objet_type="t", objet_id="gardee")
        ctx.scalar(select(func.count(Utilisateur.id)))
    journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="apres")
    ctx.commit()
    assert ctx.scalars(select(JournalAudit.objet_id).order_by(JournalAudit.rang)).all() == ["avant", "gardee", "apres"]
    assert verifier(ctx).integre


def test_un_comptage_du_journal_voit_ses_propres_lignes(ctx):
    journaliser(ctx, acteur=None, action=Action.EXPORT, objet_type="t", objet_id="a")
    assert ctx.scalar(select(func.count()).select_from(JournalAudit)) == 1
    ctx.commit()
    assert verifier(ctx).integre


def test_une_ligne_n_est_jamais_chainee_apres_une_autre_tete(ctx, monkeypatch):
    """PostgreSQL writes the rows and moves the head in one statement (security.audit): the rows
    go in only if the head is still the one their empreinte was computed from."""
    if ctx.get_bind().dialect.name != "postgresql":
        pytest.skip("l'écriture en une instruction est celle de PostgreSQL")
    ecrire(ctx, 2)
    verrouiller = audit.verrouiller_tete

    def tete_perimee(session):
        tete = verrouiller(session)
        attributes.set_committed_value(tete, "rang", tete.rang - 1)  # as read before another writer
        return tete

    monkeypatch.setattr(audit, "verrouiller_tete", tete_perimee)
    journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="perimee")
    with pytest.raises(audit.JournalImmuable):
        ctx.commit()
    ctx.rollback()
    monkeypatch.setattr(audit, "verrouiller_tete", verrouiller)
    assert ctx.scalar(select(func.count()).select_from(JournalAudit)) == 2
    ligne = journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="apres")
    ctx.commit()
    assert ligne.rang == 3 and ligne.id is not None
    assert verifier(ctx).integre


def test_une_ligne_ecrite_puis_annulee_quitte_la_session(ctx):
    """A row written before the commit (its rang asked for) and then rolled back leaves the
    session as an ORM-inserted row would (transient again), and the chain is untouched."""
    ecrire(ctx, 1)
    ligne = journaliser(ctx, acteur=None, action=Action.LECTURE, objet_type="t", objet_id="annulee")
    audit.ecrire_journal(ctx)
    assert ligne.rang == 2 and ligne in ctx
    ctx.rollback()
    assert ligne not in ctx
    assert ctx.scalar(select(func.count()).select_from(JournalAudit)) == 1
    assert verifier(ctx).integre
