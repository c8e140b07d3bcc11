"""« Mon dossier de certification » in the module contract (issue #16): the seven-part
dossier of the titre CIP, assembled from the candidat's records (RC TP-00403 §3.1)."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Module, Navigation, TypeObjet
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.dossier import demo
    from cipdesk.dossier.routes import bp

    return Module(
        code="dossier",
        titre="Mon dossier de certification",
        blueprints=(bp,),
        menu=(EntreeDeMenu("Mon dossier", "dossier.preparation", policy.peut_rediger_dossier, ordre=72,
                           actif=("dossier.",)),
              EntreeDeMenu("VAE collective", "dossier.vae_collective", policy.peut_organiser_vae_collective,
                           ordre=73, actif=("dossier.vae_collective",))),
        navigation=(Navigation(
            "dossier", "Mon dossier de certification",
            "Les sept parties du dossier du titre CIP, assemblées depuis votre activité, règle par règle.",
            ("CP11",), visible=policy.peut_rediger_dossier, endpoint="dossier.preparation", ordre=71),),
        objets=(TypeObjet("dossier_titre", "dossier du titre"),),
        demo=demo.remplir,
    )


MODULE = _module()
