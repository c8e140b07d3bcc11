"""The business error every service raises; routes attach it to the form field."""
from __future__ import annotations


class ErreurMetier(ValueError):
    """A business rule refused the input; `champ` names the form field (or None)."""

    def __init__(self, message: str, champ: str | None = None):
        super().__init__(message)
        self.message = message
        self.champ = champ
