"""Issue #11, point 7: the list of my notes shows and links the person and the record each
note is about, filters by person, and searches the decrypted text of MY notes only, without
storing any plaintext."""
from __future__ import annotations

import html

from sqlalchemy import select, text

from cipdesk.core.db import db
from cipdesk.notes import services
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.security.audit import JournalAudit
from tests.factories.accueil import accueil, personne


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _lignes(page: str) -> str:
    return page[page.index('id="titre-liste"'):]


def test_mes_notes_disent_ce_qu_elles_concernent_filtre_et_recherche(app, nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    lea = personne(ctx, m.conseiller, nom="Martin", prenom="Léa")
    omar = personne(ctx, m.conseiller, nom="Benali", prenom="Omar")
    a = accueil(ctx, m.conseiller, lea, urgence_ouverte=False)
    services.ecrire_note(ctx, auteur=m.conseiller, contenu="Évoque des dettes de loyer [n-71]", objet_type="accueil",
                         objet_id=a.id)
    b = accueil(ctx, m.conseiller, omar, urgence_ouverte=False)
    services.ecrire_note(ctx, auteur=m.conseiller, contenu="Rendez-vous CMP à confirmer [n-72]",
                         objet_type="accueil", objet_id=b.id)
    services.ecrire_note(ctx, auteur=m.conseiller, contenu="Idée d'atelier numérique [n-73]")
    partagee = services.ecrire_note(ctx, auteur=m.collegue, contenu="Dettes aussi chez le collègue [n-74]")
    services.partager_note(ctx, auteur=m.collegue, note=partagee, collegue=m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _lignes(_texte(nav.get("/notes/")))
    assert f'href="/accueil/personnes/{lea.id}">Léa Martin</a>' in page
    assert f'href="/accueil/accueils/{a.id}">Accueil individuel</a>' in page
    assert "Note libre" in page and page.count("<tr>") == 5
    par_personne = _lignes(_texte(nav.get(f"/notes/?personne={omar.id}")))
    assert "Omar Benali" in par_personne and "Léa Martin" not in par_personne.split("</form>")[1]
    recherche = _lignes(_texte(nav.get("/notes/?q=DETTES")))
    corps = recherche.split("</form>")[1]
    assert "Léa Martin" in corps and corps.count("<tr>") == 2  # header + one: not the colleague's shared note
    assert "Aucune note ne correspond." in _lignes(_texte(nav.get("/notes/?q=introuvable")))
    # nothing of the search is stored in clear; one audit row per search, without the searched text
    with app.app_context():
        assert not db.session.execute(text("SELECT count(*) FROM note_confidentielle "
                                           "WHERE CAST(contenu_chiffre AS TEXT) LIKE '%dettes%'")).scalar()
    lignes = ctx.scalars(select(JournalAudit).where(JournalAudit.objet_type == "note_confidentielle")).all()
    recherches = [l for l in lignes if (l.details or {}).get("recherche")]
    assert len(recherches) == 2 and all("DETTES" not in str(l.details) for l in recherches)
    assert ctx.scalars(select(NoteConfidentielle)).all()
