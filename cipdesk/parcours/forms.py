"""What every form of the parcours shares: NUL characters filtered, French parse
errors for dates and numbers, small field builders. Choices are set by the routes
with `choix(...)` / `avec_vide(...)` (only active list values are offered)."""
from __future__ import annotations

from cipdesk.web.champs import (REQUIS, DateFr, EntierFr, Formulaire, en_enum, select,  # noqa: F401 (re-exported)
                                texte)
