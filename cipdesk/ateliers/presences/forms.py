"""The attendance grid: one radio group per participant, nothing pre-selected."""
from __future__ import annotations

from cipdesk.ateliers.conception.forms import Formulaire


class GrilleForm(Formulaire):
    """Only the CSRF token: the statuses are read per participant (`statut-<id>`)."""
