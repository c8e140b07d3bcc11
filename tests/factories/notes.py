"""Confidential notes, written through the real service (sealed, bound to their row)."""
from __future__ import annotations


def note(ctx, auteur, contenu: str = "Note de test", **kw):
    """A note of `auteur` (committed)."""
    from cipdesk.notes import services

    ecrite = services.ecrire_note(ctx, auteur=auteur, contenu=contenu, **kw)
    ctx.commit()
    return ecrite
