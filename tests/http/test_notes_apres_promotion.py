"""Issue #10, point 1: reading a confidential note checks, at every read, the
reader's current role, that the account is active and the structure; a change
of role never re-shares anything."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from cipdesk.notes import services as notes
from cipdesk.notes.models import NoteConfidentielle, NoteLecteur

TEXTE = "Suivi addictologie en cours, ne pas en parler à l'employeur 4b1e"


def _note_partagee(ctx, monde):
    note = notes.ecrire_note(ctx, auteur=monde.conseiller, contenu=TEXTE)
    notes.partager_note(ctx, auteur=monde.conseiller, note=note, collegue=monde.collegue)
    ctx.commit()
    return note.id, bytes(note.contenu_chiffre)


def _etat(ctx, note_id):
    ctx.expire_all()
    note = ctx.get(NoteConfidentielle, note_id)
    lecteurs = set(ctx.scalars(select(NoteLecteur.utilisateur_id).where(NoteLecteur.note_id == note_id)))
    return bytes(note.contenu_chiffre), lecteurs


def _changer_role(nav_factory, monde, compte, role):
    admin = nav_factory()
    admin.connexion(monde.admin.email)
    reponse = admin.post(f"/admin/utilisateurs/{compte.id}", {"role": role, "actif": "y"})
    assert reponse.status_code == 303, reponse.get_data(as_text=True)[-800:]


def _lit(nav_factory, compte, note_id) -> int:
    nav = nav_factory()
    assert nav.connexion(compte.email).status_code == 303
    reponse = nav.get(f"/notes/{note_id}")
    assert reponse.status_code == 403 or TEXTE.replace("'", "&#39;") in reponse.get_data(as_text=True)
    return reponse.status_code


@pytest.mark.parametrize("role", ["chef_de_service", "admin"])
def test_auteur_promu_ne_lit_plus_ses_notes(role, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    note_id, chiffre = _note_partagee(ctx, monde)
    assert _lit(nav_factory, monde.conseiller, note_id) == 200
    _changer_role(nav_factory, monde, monde.conseiller, role)
    assert _lit(nav_factory, monde.conseiller, note_id) == 403
    # the remaining reader still reads; nothing re-encrypted nor re-shared
    assert _lit(nav_factory, monde.collegue, note_id) == 200
    assert _etat(ctx, note_id) == (chiffre, {monde.collegue.id})
    for autre in (monde.chef, monde.admin):
        assert _lit(nav_factory, autre, note_id) == 403


@pytest.mark.parametrize("role", ["chef_de_service", "admin"])
def test_lecteur_promu_ne_lit_plus_la_note_partagee(role, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    note_id, chiffre = _note_partagee(ctx, monde)
    assert _lit(nav_factory, monde.collegue, note_id) == 200
    _changer_role(nav_factory, monde, monde.collegue, role)
    assert _lit(nav_factory, monde.collegue, note_id) == 403
    assert _lit(nav_factory, monde.conseiller, note_id) == 200
    assert _etat(ctx, note_id) == (chiffre, {monde.collegue.id})  # the share is kept, not extended


def test_redevenu_conseiller_relit_ce_qui_lui_avait_ete_partage(nav_factory, fabrique, ctx):
    """The share was explicit; the role only decides whether it can be used now."""
    monde = fabrique.monde()
    note_id, _chiffre = _note_partagee(ctx, monde)
    _changer_role(nav_factory, monde, monde.collegue, "admin")
    assert _lit(nav_factory, monde.collegue, note_id) == 403
    _changer_role(nav_factory, monde, monde.collegue, "conseiller")
    assert _lit(nav_factory, monde.collegue, note_id) == 200


def test_service_de_lecture_refuse_un_compte_desactive_ou_promu(fabrique, ctx):
    from cipdesk.comptes.models import Role
    from cipdesk.security.policy import Interdit

    monde = fabrique.monde()
    note_id, _chiffre = _note_partagee(ctx, monde)
    note = ctx.get(NoteConfidentielle, note_id)
    monde.collegue.actif = False
    with pytest.raises(Interdit):
        notes.lire_note(ctx, lecteur=monde.collegue, note=note)
    monde.conseiller.role = Role.CHEF_DE_SERVICE
    with pytest.raises(Interdit):
        notes.lire_note(ctx, lecteur=monde.conseiller, note=note)
    ctx.rollback()
    assert isinstance(note_id, uuid.UUID)
