"""« Mes compétences » in the module contract: the candidat's coverage of the
REAC, fed by every module's evidence rules through the `activite_enregistree`
signal."""
from __future__ import annotations

from cipdesk.core import signaux
from cipdesk.core.contrat import EntreeDeMenu, Module, Navigation, TypeObjet
from cipdesk.security import policy


def _recepteurs() -> None:
    from cipdesk.competences.services import etiqueter_activite

    def _etiqueter(session, *, utilisateur, objet_type, objet_id, le, regle=None, **_kw):
        etiqueter_activite(session, utilisateur=utilisateur, objet_type=objet_type, objet_id=objet_id, le=le,
                           regle=regle)

    # weak=False: the receiver is a local function, kept alive by the signal.
    signaux.activite_enregistree.connect(_etiqueter, weak=False)


def _module() -> Module:
    from cipdesk.competences import chiffres
    from cipdesk.competences.routes import bp

    return Module(
        code="competences",
        titre="Mes compétences",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        blueprints=(bp,),
        menu=(EntreeDeMenu("Mes compétences", "competences.couverture", policy.est_conseiller, ordre=70,
                           actif=("competences.",)),
              EntreeDeMenu("Candidat·es au titre", "competences.candidats", policy.est_chef, ordre=70,
                           actif=("competences.",)),),
        navigation=(Navigation(
            "competences", "Mes compétences",
            "Voir sa pratique quotidienne en regard du REAC et préparer le dossier du titre CIP.",
            ("CP11",), visible=policy.est_conseiller, endpoint="competences.couverture", ordre=70),),
        objets=(TypeObjet("couverture_competences", "couverture des compétences"),),
        recepteurs=_recepteurs,
    )


MODULE = _module()
