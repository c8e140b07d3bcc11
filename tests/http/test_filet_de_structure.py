"""The tenant safety net (issue #9, point 4): a query that forgets its structure
filter on a tenant-scoped model still returns only the user's structure."""
from __future__ import annotations

from flask import template_rendered
from sqlalchemy import func, select

from cipdesk.core.db import structure_courante
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.notes.services import ecrire_note
from cipdesk.personnes.models import Personne


def test_requete_sans_filtre_de_structure_ne_voit_que_la_structure_courante(fabrique, ctx):
    m = fabrique.monde()
    ici = fabrique.personne(m.structure, referent=m.conseiller)
    ailleurs = fabrique.personne(m.autre_structure, referent=m.conseiller_ailleurs)
    ecrire_note(ctx, auteur=m.conseiller_ailleurs, contenu="Note d'une autre structure")
    ctx.commit()
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 2  # no structure set: everything

    jeton = structure_courante.set(m.structure.id)
    try:
        ids = set(ctx.scalars(select(Personne.id)))  # no WHERE structure_id on purpose
        assert ids == {ici.id}
        assert ailleurs.id not in set(ctx.scalars(select(Personne.id).where(Personne.nom == ailleurs.nom)))
        assert ctx.scalars(select(NoteConfidentielle)).all() == []  # the other structure's note
        # Joined and eagerly loaded relations are filtered as well.
        assert ctx.scalar(select(func.count(Personne.id)).join(Personne.referent)) == 1
        # Instance-wide maintenance (key rotation) may opt out explicitly.
        tout = ctx.scalars(select(Personne.id).execution_options(toutes_structures=True)).all()
        assert len(tout) == 2
    finally:
        structure_courante.reset(jeton)


def test_chaque_requete_web_est_placee_dans_la_structure_de_l_utilisateur(app, nav, fabrique):
    m = fabrique.monde()
    vues = []

    def _noter(_sender, template, context, **_kw):
        vues.append(structure_courante.get())

    nav.connexion(m.conseiller.email)
    with template_rendered.connected_to(_noter, app):
        assert nav.get("/accueil/").status_code == 200
    assert vues and set(vues) == {m.structure.id}
    assert structure_courante.get() is None  # reset at the end of the request


def test_une_requete_gardee_restreinte_l_est_pour_sa_seule_structure(fabrique, ctx):
    """A statement kept restricted to a structure (`restreinte_a_la_structure`, the chef's alerts)
    is run as kept only from that structure: from any other, the net's own restriction applies."""
    from cipdesk.core.db import restreinte_a_la_structure

    m = fabrique.monde()
    ici = fabrique.personne(m.structure, referent=m.conseiller)
    ailleurs = fabrique.personne(m.autre_structure, referent=m.conseiller_ailleurs)
    ctx.commit()
    gardee = restreinte_a_la_structure(select(Personne.id), m.structure.id)
    jeton = structure_courante.set(m.structure.id)
    try:
        assert set(ctx.scalars(gardee, execution_options={"structure_restreinte": m.structure.id})) == {ici.id}
    finally:
        structure_courante.reset(jeton)
    jeton = structure_courante.set(m.autre_structure.id)
    try:   # restricted to the first structure, run from the other one: the net's restriction holds
        assert set(ctx.scalars(gardee, execution_options={"structure_restreinte": m.structure.id})) == {ailleurs.id}
        assert set(ctx.scalars(select(Personne.id), execution_options={"structure_restreinte": m.structure.id})) \
            == {ailleurs.id}
    finally:
        structure_courante.reset(jeton)


def test_une_requete_constante_est_restreinte_une_fois_par_structure_sans_fuite(fabrique, ctx):
    """The net keeps a constant statement's restricted copy per structure (its cache key is then
    computed once): run alternately from two structures, each sees only its own rows, and the copy
    kept for one structure is never the other's."""
    from cipdesk.core import db as filet

    m = fabrique.monde()
    ici = fabrique.personne(m.structure, referent=m.conseiller)
    ailleurs = fabrique.personne(m.autre_structure, referent=m.conseiller_ailleurs)
    ctx.commit()
    constante = select(Personne.id).where(Personne.nom.in_([ici.nom, ailleurs.nom]))
    for structure, attendu in ((m.structure, ici), (m.autre_structure, ailleurs), (m.structure, ici),
                               (m.autre_structure, ailleurs)):
        jeton = structure_courante.set(structure.id)
        try:
            assert set(ctx.scalars(constante)) == {attendu.id}
        finally:
            structure_courante.reset(jeton)
    gardees = filet._restreintes[constante]
    assert set(gardees) == {m.structure.id, m.autre_structure.id}
    assert filet.restreinte_a_la_structure(constante, m.structure.id) is gardees[m.structure.id]
    assert gardees[m.structure.id] is not gardees[m.autre_structure.id]
    # Without a structure (CLI, tests) the constant still sees everything.
    assert set(ctx.scalars(constante)) == {ici.id, ailleurs.id}
