"""The Intégration et maintien dans l'emploi module (REAC CP14) in the module contract:
the parent blueprint `/integration/` with one nested blueprint per sub-entity, record
kinds, the loader's guards, alerts, the person's timeline, evidence rules citing the
REAC, and the demo generator."""
from __future__ import annotations

from cipdesk.core.contrat import (EntreeDeMenu, Lisible, ListeExportable, Module, Navigation, RegleDAcces,
                                  RegleDePreuve, TypeObjet)
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _blueprint():
    from cipdesk.integration.points.routes import bp as points
    from cipdesk.integration.routes import bp
    from cipdesk.integration.suivis.routes import bp as suivis

    for enfant in (suivis, points):
        bp.register_blueprint(enfant)
    return bp


def _module() -> Module:
    from cipdesk.integration import chiffres, demo, echelle, exports
    from cipdesk.integration.mediations.models import Mediation
    from cipdesk.integration.points.models import PointSuivi
    from cipdesk.integration.suivis import queries
    from cipdesk.integration.suivis.models import SuiviIntegration

    return Module(
        code="integration",
        titre="Intégration",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("integration.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "voir les suivis d'intégration dans l'emploi (CP14)"),
              RegleDAcces("integration.ouvrir", (Role.CONSEILLER,),
                          "ouvrir et conduire un suivi d'intégration"),),
        blueprints=(_blueprint(),),
        menu=(EntreeDeMenu("Intégration", "integration.index", policy.permission("integration.voir"), ordre=50,
                           actif=("integration.",)),),
        navigation=(Navigation(
            "integration", "Intégration",
            "Suivre l'intégration et le maintien dans l'emploi avec l'employeur et le salarié.",
            ("CP14",), visible=policy.permission("integration.voir"), endpoint="integration.index", ordre=50),),
        objets=(
            TypeObjet("suivi_integration", "suivi d'intégration", "integration.suivis.voir", "suivi_id"),
            TypeObjet("cadre_integration", "cadre de collaboration avec l'employeur", "integration.suivis.voir",
                      "suivi_id"),
            TypeObjet("point_integration", "point de suivi dans l'emploi"),
            TypeObjet("mediation_integration", "médiation entre la personne et l'employeur"),
            TypeObjet("bilan_integration", "bilan de l'intégration", "integration.suivis.voir", "suivi_id"),
            TypeObjet("non_discrimination_integration", "information sur la non-discrimination donnée dans une "
                      "intégration", "integration.suivis.voir", "suivi_id"),
        ),
        lisibles=(
            Lisible(SuiviIntegration, queries.garde_suivi, audit="suivi_integration"),
            Lisible(PointSuivi, queries.garde_suivi, audit="point_integration"),
            Lisible(Mediation, queries.garde_suivi, audit="mediation_integration"),
        ),
        alertes=(queries.alertes_integration,),
        chronologie=(queries.chronologie_integration,),
        agenda=(queries.agenda_integration,),
        chronologie_entreprise=(queries.mediations_de_l_entreprise,),
        preuves=(
            RegleDePreuve("suivi_integration", ("CP14",),
                          "REAC CP14, critère « Les modalités de collaboration sont définies par rapport au projet "
                          "d'intégration »."),
            RegleDePreuve("cadre_integration", ("CP14",),
                          "REAC CP14, critères « Le cadre et les limites de l'intervention sont respectés » et « Les "
                          "rôles et fonctions des interlocuteurs de l'entreprise sont identifiés »."),
            RegleDePreuve("point_integration", ("CP14",),
                          "REAC CP14, critères « Les modalités de collaboration sont définies par rapport au projet "
                          "d'intégration » et « La posture est adaptée à la situation » (entretiens de suivi avec la "
                          "personne et les acteurs de l'entreprise)."),
            RegleDePreuve("mediation_integration", ("CP14",),
                          "REAC CP14, critères « Le cadre et les limites de l'intervention sont respectés » et « La "
                          "posture est adaptée à la situation » (médiation entre la personne et l'employeur)."),
            RegleDePreuve("bilan_integration", ("CP14",),
                          "REAC CP14, critère « Le bilan de l'intégration du salarié est réalisé »."),
            RegleDePreuve("non_discrimination_integration", ("CP15",),
                          "REAC CP15, critère « La législation sur la non-discrimination dans l'emploi est appliquée » "
                          "(savoir-faire « Informer les employeurs et les publics sur la législation relative à la "
                          "non-discrimination à l'emploi ») ; CP14, savoir-faire « Informer sur la réglementation sur "
                          "la non-discrimination dans l'emploi »."),
        ),
        demo=demo.remplir_integration,
        echelle=echelle.remplir_echelle,
        exportables=(ListeExportable("integrations", "Intégrations dans l'emploi", exports.SUIVIS,
                                     exports.lignes_suivis, policy.permission("integration.voir"), ordre=50),),
        # issue #18: the person's rights (security/rgpd.py, cipdesk/integration/rgpd.py)
        export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT,
    )


def _rgpd():
    from cipdesk.integration import rgpd
    return rgpd


MODULE = _module()
