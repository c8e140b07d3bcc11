"""What the rest of cipdesk reads from « Ma pratique » (the certification dossier, the chef de
service's dashboard): one import point over the sub-packages' queries."""
from __future__ import annotations

from cipdesk.pratique.analyses.queries import analyses_de, lire_analyse
from cipdesk.pratique.prevention.queries import (alertes_de_charge, charge_de_travail, charges_de_l_equipe,
                                                 incidents_visibles)
from cipdesk.pratique.prevention.rules import Charge, signaux

__all__ = ["Charge", "alertes_de_charge", "analyses_de", "charge_de_travail", "charges_de_l_equipe",
           "incidents_visibles", "lire_analyse", "signaux"]
