"""What every factory module shares: one counter for unique names and e-mails."""
from __future__ import annotations

import itertools

_compteur = itertools.count(1)


def compteur() -> int:
    return next(_compteur)
