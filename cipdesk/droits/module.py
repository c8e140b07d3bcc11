"""The person's rights and the retention (issue #18, points 6 to 10 and 13), in the module
contract: information notice, right of access, rectification history, anonymisation,
retention, registre des traitements, break-glass access."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Module, TypeObjet
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.droits import models  # noqa: F401  (tables of the module)
    from cipdesk.security import acces_exceptionnel  # noqa: F401  (table read by the policy)

    return Module(
        code="droits",
        titre="Droits des personnes (RGPD)",
        objets=(
            TypeObjet("notice_information", "notice d'information remise"),
            TypeObjet("demande_acces", "demande d'accès de la personne"),
            TypeObjet("rectification", "rectification de l'identité"),
            TypeObjet("anonymisation", "anonymisation du dossier"),
            TypeObjet("acces_exceptionnel", "accès exceptionnel d'un chef de service"),
        ),
    )


MODULE = _module()
