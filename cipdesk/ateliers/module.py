"""The ateliers module (REAC activité type 2, CP9 « Concevoir des ateliers thématiques
favorisant l'insertion professionnelle des publics » and CP10 « Préparer et animer des
ateliers thématiques favorisant l'insertion ») in the module contract."""
from __future__ import annotations

from flask import Blueprint

from cipdesk.core.contrat import (EntreeDeMenu, Lisible, ListeExportable, Module, Navigation, RegleDAcces,
                                  RegleDePreuve, TypeObjet)
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _blueprint() -> Blueprint:
    """One blueprint under /ateliers/ with one nested blueprint per sub-entity
    (endpoints « ateliers.<sous-entité>.<vue> »)."""
    from cipdesk.ateliers import pages  # noqa: F401  (registers the pages reading several sub-packages)
    from cipdesk.ateliers.bilan.routes import bp as bilan
    from cipdesk.ateliers.conception.routes import bp as conception
    from cipdesk.ateliers.evaluations.routes import bp as evaluations
    from cipdesk.ateliers.presences.routes import bp as presences
    from cipdesk.ateliers.questionnaire.routes import bp as questionnaire
    from cipdesk.ateliers.sessions.routes import bp as sessions

    bp = Blueprint("ateliers", __name__, url_prefix="/ateliers")
    for enfant in (conception, sessions, presences, evaluations, bilan, questionnaire):
        bp.register_blueprint(enfant)
    return bp


def _module() -> Module:
    from cipdesk.ateliers import chiffres, demo, echelle, exports
    from cipdesk.ateliers.conception.queries import garde_atelier
    from cipdesk.ateliers.evaluations.queries import chronologie as chronologie_evaluations
    from cipdesk.ateliers.models import (Atelier, DemiJournee, Inscription, LienQuestionnaire, ObjectifPedagogique,
                                         Sequence, SessionAtelier)
    from cipdesk.ateliers.presences.queries import alertes_absences, chronologie as chronologie_presences
    from cipdesk.ateliers.sessions.queries import chronologie as chronologie_inscriptions, garde_inscription, garde_session

    return Module(
        code="ateliers",
        titre="Ateliers",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("ateliers.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "voir les ateliers de la structure et leurs chiffres (CP9, CP10)"),
              RegleDAcces("ateliers.animer", (Role.CONSEILLER,),
                          "concevoir, animer, émarger, évaluer, faire le bilan d'un atelier"),),
        blueprints=(_blueprint(),),
        menu=(EntreeDeMenu("Ateliers", "ateliers.conception.index", policy.permission("ateliers.voir"), ordre=30,
                           actif=("ateliers.",)),),
        navigation=(Navigation(
            "ateliers", "Ateliers",
            "Concevoir des ateliers thématiques à partir des besoins de la file active, leur progression "
            "pédagogique, les animer et en faire le bilan.", ("CP9", "CP10"),
            visible=policy.permission("ateliers.voir"), endpoint="ateliers.conception.index", ordre=30),),
        objets=(
            TypeObjet("atelier", "atelier thématique (conception)", "ateliers.conception.voir", "atelier_id"),
            TypeObjet("session_atelier", "session d'atelier", "ateliers.sessions.voir", "session_id"),
            TypeObjet("emargement", "feuille d'émargement d'une demi-journée d'atelier", "ateliers.presences.grille",
                      "demi_journee_id"),
            TypeObjet("bilan_atelier", "bilan d'atelier", "ateliers.bilan.bilan", "session_id"),
            TypeObjet("inscription_atelier", "inscription à un atelier"),
            TypeObjet("presence_atelier", "présence à un atelier"),
            TypeObjet("evaluation_atelier", "évaluation d'un objectif d'atelier", "ateliers.evaluations.participant",
                      "inscription_id"),
        ),
        lisibles=(
            Lisible(Atelier, garde_atelier),
            Lisible(Sequence, garde_atelier),
            Lisible(ObjectifPedagogique, garde_atelier),
            Lisible(LienQuestionnaire, garde_session),
            Lisible(SessionAtelier, garde_session),
            Lisible(DemiJournee, garde_session),
            Lisible(Inscription, garde_inscription, audit="inscription_atelier"),
        ),
        alertes=(alertes_absences,),
        chronologie=(chronologie_inscriptions, chronologie_presences, chronologie_evaluations),
        preuves=(
            RegleDePreuve("atelier", ("CP9",),
                          "REAC CP9, critères « L'analyse de la demande ou l'identification des besoins est "
                          "pertinente » ; « La progression pédagogique est en adéquation avec les objectifs de "
                          "l'atelier » ; « Le dispositif d'évaluation est en adéquation avec les objectifs à "
                          "atteindre »."),
            RegleDePreuve("session_atelier", ("CP10",),
                          "REAC CP10 : « évaluer les prérequis et identifier les contraintes de mise en œuvre … "
                          "S'assurer de la disponibilité et de l'opérationnalité des moyens pédagogiques et "
                          "matériels »."),
            RegleDePreuve("emargement", ("CP10",),
                          "REAC CP10 : « Animer un atelier en présentiel ou à distance » ; critère « Les activités "
                          "proposées sont adaptées aux caractéristiques des participants »."),
            RegleDePreuve("bilan_atelier", ("CP10",),
                          "REAC CP10, critères « Le bilan de l'atelier est rédigé de manière claire et précise » ; "
                          "« L'analyse de la pratique d'animation est pertinente »."),
        ),
        demo=demo.remplir_demo,
        echelle=echelle.remplir_echelle,
        exportables=(ListeExportable("presences_ateliers", "Ateliers et présences", exports.PRESENCES,
                                     exports.lignes_presences, policy.permission("ateliers.voir"), ordre=30),),
        # issue #18: the person's rights (security/rgpd.py, cipdesk/ateliers/rgpd.py)
        export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT,
    )


def _rgpd():
    from cipdesk.ateliers import rgpd
    return rgpd


MODULE = _module()
