"""Confidential notes in the module contract (SECURITY.md)."""
from __future__ import annotations

from cipdesk.core import signaux
from cipdesk.core.contrat import EntreeDeMenu, Lisible, Module, TypeObjet
from cipdesk.security import policy


def _recepteurs() -> None:
    from cipdesk.notes.services import ecrire_note

    def _note(session, *, auteur, contenu, objet_type, objet_id, **_kw):
        return ecrire_note(session, auteur=auteur, contenu=contenu, objet_type=objet_type, objet_id=objet_id)

    # weak=False: the receiver is a local function, kept alive by the signal.
    signaux.note_ecrite.connect(_note, weak=False)


def _garde(_session, utilisateur, note, modifier: bool) -> bool:
    if modifier:
        return policy.peut_modifier_note(utilisateur, note)
    return policy.peut_lire_note(utilisateur, note, note.lecteurs_ids)


def _module() -> Module:
    from cipdesk.notes.models import NoteConfidentielle
    from cipdesk.notes.routes import bp

    return Module(code="notes", titre="Notes confidentielles", blueprints=(bp,),
        menu=(EntreeDeMenu("Notes confidentielles", "notes.liste", policy.peut_ecrire_note, ordre=60,
                           actif=("notes.",)),),
                  objets=(TypeObjet("note_confidentielle", "note confidentielle", "notes.voir", "note_id"),),
                  # each read is journalled by notes.services.lire_note (it decrypts); the loader
                  # journals the refused attempts (issue #9, point 4)
                  lisibles=(Lisible(NoteConfidentielle, _garde, refus="note_confidentielle"),),
                  recepteurs=_recepteurs,
                  # issue #18: the person's rights (cipdesk/notes/rgpd.py)
                  export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT)


def _rgpd():
    from cipdesk.notes import rgpd
    return rgpd


MODULE = _module()
