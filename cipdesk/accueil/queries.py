"""What other modules may read from accueil (STYLE.md: a domain imports only
another domain's `models` and `queries`): the freins of the latest validated
diagnostic (parcours), the structure's diagnostic dimensions (the partners' domains). The queries themselves live in the sub-packages."""
from __future__ import annotations

from cipdesk.accueil.diagnostic.queries import FreinResume, dimensions_de_la_structure, freins_du_dernier_diagnostic

__all__ = ["FreinResume", "dimensions_de_la_structure", "freins_du_dernier_diagnostic"]
