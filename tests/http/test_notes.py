"""Confidential notes: encrypted at rest, readable by author and explicit readers, every read audited."""
from __future__ import annotations

import sqlite3
import subprocess
import uuid

import pytest
from sqlalchemy import func, select, text

from cipdesk.notes.models import NoteConfidentielle
from cipdesk.security.audit import Action, JournalAudit

SECRET = "Obligation de soins en cours — ne pas mentionner à l'employeur {}"


def _ecrire(nav, texte):
    reponse = nav.post("/notes/", {"contenu": texte})
    assert reponse.status_code == 303, reponse.get_data(as_text=True)
    return uuid.UUID(reponse.headers["Location"].rstrip("/").split("/")[-1])


def _lectures(ctx, note_id):
    return ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == Action.LECTURE, JournalAudit.objet_id == str(note_id)))


def test_ecrire_puis_relire(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    texte = SECRET.format(uuid.uuid4())
    note_id = _ecrire(nav, texte)
    page = nav.get(f"/notes/{note_id}")
    assert page.status_code == 200
    assert texte.replace("'", "&#39;") in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    assert 'hx-history="false"' in page.get_data(as_text=True)
    assert _lectures(ctx, note_id) == 1
    nav.get(f"/notes/{note_id}")
    assert _lectures(ctx, note_id) == 2  # exactly one audit row per read


def test_la_liste_ne_dechiffre_rien_et_ne_journalise_pas_de_lecture(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    texte = SECRET.format(uuid.uuid4())
    note_id = _ecrire(nav, texte)
    liste = nav.get("/notes/").get_data(as_text=True)
    assert texte not in liste and f"/notes/{note_id}" in liste
    assert _lectures(ctx, note_id) == 0


def test_note_vide_refusee_avec_message(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    reponse = nav.post("/notes/", {"contenu": "   "})
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 422
    assert "La note ne peut pas être vide." in html and "erreur à corriger" in html
    assert ctx.scalar(select(func.count()).select_from(NoteConfidentielle)) == 0


@pytest.mark.parametrize("lecteur, attendu", [
    ("collegue", 403), ("chef", 403), ("admin", 403), ("candidat", 403),
    ("conseiller_ailleurs", 404), ("chef_ailleurs", 404),
])
def test_qui_ne_peut_pas_lire(nav, nav_factory, fabrique, ctx, lecteur, attendu):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    texte = SECRET.format(uuid.uuid4())
    note_id = _ecrire(nav, texte)
    autre = nav_factory()
    autre.connexion(getattr(monde, lecteur).email)
    for url in (f"/notes/{note_id}", f"/notes/{note_id}/modifier"):
        reponse = autre.get(url)
        assert reponse.status_code == attendu
        assert texte not in reponse.get_data(as_text=True)
    assert _lectures(ctx, note_id) == 0


def test_identifiant_devine_introuvable(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    assert nav.get(f"/notes/{uuid.uuid4()}").status_code == 404


def test_partage_explicite_puis_retrait(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    texte = SECRET.format(uuid.uuid4())
    note_id = _ecrire(nav, texte)
    page = nav.get(f"/notes/{note_id}").get_data(as_text=True)
    assert monde.collegue.nom_complet in page
    assert monde.chef.nom_complet not in page  # the hierarchy is not offered
    collegue = nav_factory()
    collegue.connexion(monde.collegue.email)
    assert collegue.get(f"/notes/{note_id}").status_code == 403
    assert nav.post(f"/notes/{note_id}/partages", {"collegue": str(monde.collegue.id)},
                    depuis=f"/notes/{note_id}").status_code == 303
    lue = collegue.get(f"/notes/{note_id}")
    assert lue.status_code == 200 and "Modifier la note" not in lue.get_data(as_text=True)
    assert collegue.get(f"/notes/{note_id}/modifier").status_code == 403
    assert f"/notes/{note_id}" in collegue.get("/notes/").get_data(as_text=True)
    lignes = ctx.scalars(select(JournalAudit).where(JournalAudit.action == Action.LECTURE,
                                                   JournalAudit.objet_id == str(note_id))).all()
    assert {l.acteur_id for l in lignes} == {monde.conseiller.id, monde.collegue.id}
    nav.post(f"/notes/{note_id}/partages/{monde.collegue.id}/retrait", depuis=f"/notes/{note_id}")
    assert collegue.get(f"/notes/{note_id}").status_code == 403


@pytest.mark.parametrize("destinataire", ["chef", "conseiller_ailleurs", "admin"])
def test_partage_refuse_hors_conseillers_de_la_structure(nav, nav_factory, fabrique, destinataire):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    note_id = _ecrire(nav, SECRET.format(uuid.uuid4()))
    reponse = nav.post(f"/notes/{note_id}/partages", {"collegue": str(getattr(monde, destinataire).id)},
                       depuis=f"/notes/{note_id}", follow_redirects=True)
    assert "Choisissez un·e conseiller·ère de votre structure." in reponse.get_data(as_text=True)
    autre = nav_factory()
    autre.connexion(getattr(monde, destinataire).email)
    assert autre.get(f"/notes/{note_id}").status_code in (403, 404)


def test_modification_et_conflit_de_version(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    note_id = _ecrire(nav, "Première version")
    ok = nav.post(f"/notes/{note_id}/modifier", {"contenu": "Deuxième version", "version": "1"})
    assert ok.status_code == 303
    perime = nav.post(f"/notes/{note_id}/modifier", {"contenu": "Écrit dans un autre onglet", "version": "1"})
    html = perime.get_data(as_text=True)
    assert perime.status_code == 409
    assert "modifiée entre-temps" in html and "Écrit dans un autre onglet" in html  # input kept
    assert "Deuxième version" in nav.get(f"/notes/{note_id}").get_data(as_text=True)


def test_chef_de_service_ne_peut_pas_ecrire_de_note(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.chef.email)
    assert nav.get("/notes/").status_code == 403


def test_aucun_texte_en_clair_dans_la_base_ni_dans_un_dump(nav, fabrique, ctx, app, tmp_path):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    textes = [SECRET.format(uuid.uuid4()) for _ in range(3)]
    for texte in textes:
        _ecrire(nav, texte)
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite"):
        chemin = url.removeprefix("sqlite:///")
        conn = sqlite3.connect(chemin)
        dump = "\n".join(conn.iterdump())
        conn.close()
        with open(chemin, "rb") as fh:
            brut = fh.read()
        wal = chemin + "-wal"
        try:
            with open(wal, "rb") as fh:
                brut += fh.read()
        except FileNotFoundError:
            pass
    else:
        from sqlalchemy.engine import make_url

        u = make_url(url)
        dump = subprocess.run(
            ["pg_dump", "-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres",
             "--data-only", u.database], capture_output=True, text=True, check=True).stdout
        brut = dump.encode()
    assert "note_confidentielle" in dump
    for texte in textes:
        assert texte not in dump
        assert texte.encode() not in brut
        assert "Obligation de soins" not in dump


def test_chiffre_copie_sur_une_autre_ligne_indechiffrable(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.conseiller.email)
    a = _ecrire(nav, "Note A : situation de logement")
    b = _ecrire(nav, "Note B : autre chose")
    blob_a = ctx.get(NoteConfidentielle, a).contenu_chiffre
    ctx.get(NoteConfidentielle, b).contenu_chiffre = blob_a
    ctx.commit()
    page = nav.get(f"/notes/{b}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "contenu indéchiffrable" in html and "situation de logement" not in html
    ligne = ctx.scalars(select(JournalAudit).where(JournalAudit.objet_id == str(b),
                                                  JournalAudit.action == Action.LECTURE)).one()
    assert ligne.details == {"erreur": "indechiffrable"}


def test_journal_immuable_au_niveau_sql(ctx, fabrique):
    from cipdesk.security.audit import JournalImmuable, journaliser

    monde = fabrique.monde()
    ligne = journaliser(ctx, acteur=monde.admin, action=Action.EXPORT, objet_type="test")
    ctx.commit()
    ligne.motif = "falsifié"
    with pytest.raises(JournalImmuable):
        ctx.commit()
    ctx.rollback()
    for sql in ("UPDATE journal_audit SET motif = 'x'", "DELETE FROM journal_audit"):
        with pytest.raises(Exception, match="ajout seul"):
            ctx.execute(text(sql))
        ctx.rollback()
    assert ctx.scalar(select(func.count()).select_from(JournalAudit)) >= 1
