"""A module named only in the module list (by a fixture): its encrypted field, its clear
column, its permissions and its loader guard are declared here and nowhere else."""
from __future__ import annotations

from cipdesk.core.contrat import ChampsChiffres, EntreeDeMenu, Lisible, Module, RegleDAcces, en_clair
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _module() -> Module:
    from tests.modules_factices.factice.models import Confidence
    from tests.modules_factices.factice.routes import bp

    return Module(
        code="factice", titre="Module factice", blueprints=(bp,),
        chiffres=(ChampsChiffres("Confidence", "confidence_factice", ("recit",), "récit d'une personne"),),
        clairs=en_clair("titre choisi par le professionnel, sans rien d'une personne", confidence_factice=("titre",)),
        acces=(RegleDAcces("factice.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE), "voir les confidences"),
               RegleDAcces("factice.ecrire", (Role.CONSEILLER,), "écrire une confidence")),
        menu=(EntreeDeMenu("Factice", "factice.index", policy.permission("factice.voir"), ordre=99),),
        lisibles=(Lisible(Confidence, lambda session, u, objet, modifier: objet.auteur_id == u.id),),
    )


MODULE = _module()
