"""The territoire module (partners of the territory; later the employers, the
offers and the local network) in the module contract. Today: the répertoire
des partenaires, moved out of accueil."""
from __future__ import annotations

from cipdesk.core.contrat import Lisible, Module, TypeObjet
from cipdesk.security import policy


def _garde_partenaire(_session, utilisateur, _partenaire, modifier: bool) -> bool:
    return policy.peut_modifier_repertoire(utilisateur) if modifier else policy.peut_voir_repertoire(utilisateur)


def _module() -> Module:
    from cipdesk.territoire.partenaires.models import Partenaire
    from cipdesk.territoire.routes import bp

    return Module(
        code="territoire",
        titre="Territoire et partenaires",
        blueprints=(bp,),
        objets=(TypeObjet("partenaire", "partenaire du territoire", "territoire.partenaires.voir", "partenaire_id"),),
        lisibles=(Lisible(Partenaire, _garde_partenaire),),
    )


MODULE = _module()
