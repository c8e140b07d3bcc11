"""« Mon dossier de certification » in the module contract (issue #16): the seven-part
dossier of the titre CIP, assembled from the candidat's records (RC TP-00403 §3.1)."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Module, Navigation, RegleDAcces, TypeObjet
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.dossier import chiffres
    from cipdesk.dossier import demo
    from cipdesk.dossier.routes import bp

    return Module(
        code="dossier",
        titre="Mon dossier de certification",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("dossier.rediger", (Role.CONSEILLER,),
                          "préparer, rédiger et exporter son propre dossier de certification (issue #16)", qualites=("est_candidat",)),
               RegleDAcces("dossier.organiser_vae", (Role.CHEF_DE_SERVICE, Role.ADMIN),
                           "rattacher l'accompagnateur·rice d'une VAE collective à des candidat·e·s de la structure")),
        blueprints=(bp,),
        menu=(EntreeDeMenu("Mon dossier de certification", "dossier.preparation", policy.permission("dossier.rediger"), ordre=72,
                           actif=("dossier.",)),
              EntreeDeMenu("VAE collective", "dossier.vae_collective", policy.permission("dossier.organiser_vae"),
                           ordre=73, actif=("dossier.vae_collective",))),
        navigation=(Navigation(
            "dossier", "Mon dossier de certification",
            "Les sept parties du dossier du titre CIP, assemblées depuis votre activité, règle par règle.",
            ("CP11",), visible=policy.permission("dossier.rediger"), endpoint="dossier.preparation", ordre=71),),
        objets=(TypeObjet("dossier_titre", "dossier du titre"),),
        demo=demo.remplir,
    )


MODULE = _module()
