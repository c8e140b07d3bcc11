"""Each read of a sensitive record writes exactly one audit line for that record, and a
refused attempt on an audited record is written too (issue #9, point 4; SECURITY.md « Audit »)."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cipdesk.security.audit import Action, JournalAudit
from tests.factories import objets_de_tous_les_modules

# (record kind in the audit trail, id placeholder, the page that reads it)
LECTURES = [
    ("personne", "personne", "/accueil/personnes/{personne}"),
    ("accueil", "accueil", "/accueil/accueils/{accueil}"),
    # the diagnostic page shows every version of the person's diagnostic: journalled under the person
    ("diagnostic", "personne", "/accueil/personnes/{personne}/diagnostic"),
    ("synthese", "synthese", "/accueil/syntheses/{synthese}"),
    ("orientation", "orientation", "/accueil/orientations/{orientation}"),
    ("parcours", "parcours", "/parcours/{parcours}"),
    ("entretien", "entretien", "/parcours/entretiens/{entretien}"),
    ("note_confidentielle", "note", "/notes/{note}"),
]


def _lignes(ctx, action, objet_type, objet_id) -> int:
    return ctx.scalar(select(func.count()).select_from(JournalAudit).where(
        JournalAudit.action == action, JournalAudit.objet_type == objet_type,
        JournalAudit.objet_id == str(objet_id)))


@pytest.fixture
def objets(fabrique, ctx):
    monde = fabrique.monde()
    return monde, objets_de_tous_les_modules(ctx, monde, texte_de_la_note="Lecture auditée")


@pytest.mark.parametrize("objet_type, cle, url", LECTURES)
def test_une_lecture_une_ligne(objet_type, cle, url, objets, nav, ctx):
    monde, ids = objets
    nav.connexion(monde.conseiller.email)
    chemin = url.format(**ids)
    avant = _lignes(ctx, Action.LECTURE, objet_type, ids[cle])
    assert nav.get(chemin).status_code == 200, chemin
    ctx.expire_all()
    assert _lignes(ctx, Action.LECTURE, objet_type, ids[cle]) == avant + 1


@pytest.mark.parametrize("objet_type, cle, url", [l for l in LECTURES if l[0] in ("personne", "note_confidentielle",
                                                                                  "entretien")])
def test_un_refus_est_journalise(objet_type, cle, url, objets, nav, ctx):
    monde, ids = objets
    nav.connexion(monde.collegue.email)  # a colleague: the caseload is not shared, the note not shared
    assert nav.get(url.format(**ids)).status_code == 403
    ctx.expire_all()
    assert _lignes(ctx, Action.REFUS, objet_type, ids[cle]) == 1
    assert _lignes(ctx, Action.LECTURE, objet_type, ids[cle]) == 0
