"""The tableau de bord du chef de service (issue #17) in the module contract: the
team's figures, each traceable to its people, the funders' reports and the caseload
balance. It holds no record of its own: every figure is a query over the daily records
of the other modules (their `models`), through the chef's perimeter."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Module, Navigation, RegleDAcces
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.tableau.routes import bp

    return Module(
        code="tableau",
        titre="Tableau de bord",
        acces=(RegleDAcces("tableau.voir", (Role.CHEF_DE_SERVICE,),
                           "tableau de bord de l'équipe du chef de service (issue #17)"),),
        blueprints=(bp,),
        menu=(EntreeDeMenu("Tableau de bord", "tableau.index", policy.permission("tableau.voir"), ordre=80,
                           actif=("tableau.",)),),
        navigation=(Navigation(
            "tableau_de_bord", "Tableau de bord",
            "Indicateurs de l'équipe, chaque chiffre relié aux personnes qu'il compte ; exports et bilans pour "
            "les financeurs.", ("CP5",), visible=policy.permission("tableau.voir"), endpoint="tableau.index",
            ordre=80),),
    )


MODULE = _module()
