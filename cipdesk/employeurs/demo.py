"""Demo employers (`cipdesk demo`): filled below."""
from __future__ import annotations


def remplir_employeurs(session, *args, **kwargs):
    return None
