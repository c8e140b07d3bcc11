"""« Ma pratique » in the module contract: analyses de pratique (REAC CP11) attachable to
any record of any module, practice groups (GEASE, supervision), and the prevention of
professional risks (REAC, compétence transversale CT1)."""
from __future__ import annotations

from cipdesk.core.contrat import (EntreeDeMenu, Lisible, Module, Navigation,
                                  RegleDAcces, RegleDePreuve, TypeObjet)
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _professionnel(utilisateur) -> bool:
    return policy.peut(utilisateur, "pratique.analyser") or policy.peut(utilisateur, "pratique.prevention_equipe")


def _blueprint():
    from cipdesk.pratique.analyses.routes import bp as analyses
    from cipdesk.pratique.prevention.routes import bp as prevention
    from cipdesk.pratique.routes import bp

    for enfant in (analyses, prevention):
        bp.register_blueprint(enfant)
    return bp


def _module() -> Module:
    from cipdesk.pratique import chiffres, demo, encarts
    from cipdesk.pratique.analyses.models import AnalysePratique, SeanceAnalyse
    from cipdesk.pratique.analyses.queries import garde_analyse, garde_seance
    from cipdesk.pratique.prevention.models import AlerteCharge, IncidentPublic
    from cipdesk.pratique.prevention.queries import garde_alerte, garde_incident

    return Module(
        code="pratique",
        titre="Ma pratique",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("pratique.analyser", (Role.CONSEILLER,),
                          "analyses de pratique, groupes, sa charge et ses incidents (CP11, issue #15)"),
              RegleDAcces("pratique.prevention_equipe", (Role.CHEF_DE_SERVICE,),
                          "indicateurs de charge, alertes et incidents de son équipe", qualites=("equipe_id",)),),
        blueprints=(_blueprint(),),
        menu=(EntreeDeMenu("Ma pratique", "pratique.index", _professionnel, ordre=75, actif=("pratique.",)),),
        navigation=(Navigation(
            "pratique", "Analyse de pratique et prévention",
            "Analyser sa pratique (faits, opinions, émotions), la partager en groupe d'analyse ; suivre sa charge "
            "de travail, déclarer un incident, alerter son chef de service.", ("CP11", "CT1"),
            visible=_professionnel, endpoint="pratique.index", ordre=75),),
        objets=(
            TypeObjet("analyse_pratique", "analyse de pratique", "pratique.analyses.voir", "analyse_id"),
            TypeObjet("seance_analyse", "séance d'analyse de pratique", "pratique.analyses.seance", "seance_id"),
            TypeObjet("incident_public", "incident avec le public", "pratique.prevention.incident", "incident_id"),
            TypeObjet("alerte_charge", "alerte de charge de travail au chef de service"),
        ),
        lisibles=(
            # each read of an analysis is journalled by queries.lire_analyse (it decrypts); the loader
            # journals the refused attempts, as for a confidential note
            Lisible(AnalysePratique, garde_analyse, refus="analyse_pratique"),
            Lisible(SeanceAnalyse, garde_seance),
            Lisible(IncidentPublic, garde_incident, audit="incident_public"),
            Lisible(AlerteCharge, garde_alerte),
        ),
        preuves=(
            RegleDePreuve("analyse_pratique", ("CP11",),
                          "REAC CP11 « Analyser sa pratique professionnelle », critères (RC §3.2) : « La description "
                          "de la situation distingue les faits, les opinions et les émotions » ; « Les facteurs "
                          "déterminants de la situation sont explicités » ; « Les points forts de la pratique sont "
                          "valorisés » ; « Les propositions d'ajustement des pratiques sont pertinentes »."),
            RegleDePreuve("incident_public", ("CT1",),
                          "REAC, compétence transversale CT1 « Intégrer la prévention des risques professionnels dans son "
                          "travail », critères « Les situations pouvant altérer la sécurité et la santé sont repérées » "
                          "et « Les principaux risques et leurs effets sont identifiés » (tensions avec les personnes "
                          "accompagnées)."),
            RegleDePreuve("alerte_charge", ("CT1",),
                          "REAC, compétence transversale CT1, critères « Les facteurs d'apparition des risques "
                          "psychosociaux (RPS) sont connus » et « Les interlocuteurs en matière de prévention sont "
                          "identifiés » (rythme et charge de travail signalés au chef de service)."),
        ),
        encarts=(encarts.analyses_de_l_enregistrement,),
        demo=demo.remplir_pratique,
    )


MODULE = _module()
