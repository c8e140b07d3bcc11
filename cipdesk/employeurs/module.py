"""The Employeurs module (REAC activité type 3: CP12, CP13, CP15) in the module
contract: the parent blueprint `/employeurs/` with one nested blueprint per
sub-entity, record kinds, the loader's guards, alerts, the person's timeline,
evidence rules citing the REAC, and the demo generator."""
from __future__ import annotations

from cipdesk.core.contrat import (EntreeDeMenu, Lisible, ListeExportable, ListeImportable, Module,
                                  Navigation, RegleDAcces, RegleDePreuve, TypeObjet)
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _blueprint():
    from cipdesk.employeurs import pages  # noqa: F401  (registers the pages reading several sub-packages)
    from cipdesk.employeurs.candidatures.routes import bp as candidatures
    from cipdesk.employeurs.entreprises.routes import bp as entreprises
    from cipdesk.employeurs.interactions.routes import bp as interactions
    from cipdesk.employeurs.offres.routes import bp as offres
    from cipdesk.employeurs.prospection.routes import bp as prospection
    from cipdesk.employeurs.immersions.routes import bp as immersions
    from cipdesk.employeurs.profils.routes import bp as profils
    from cipdesk.employeurs.mesures.routes import bp as mesures
    from cipdesk.employeurs.routes import bp

    # module.py is imported once per process: the children are nested once.
    for enfant in (entreprises, interactions, offres, candidatures, prospection, immersions, profils, mesures):
        bp.register_blueprint(enfant)
    return bp


def _module() -> Module:
    from cipdesk.employeurs import chiffres, demo, echelle, exports, imports
    from cipdesk.employeurs.candidatures import queries as candidatures
    from cipdesk.employeurs.candidatures.models import Candidature
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.entreprises.queries import garde_entreprise
    from cipdesk.employeurs.interactions import queries as interactions
    from cipdesk.employeurs.interactions.models import Interaction
    from cipdesk.employeurs.offres import queries as offres_q
    from cipdesk.employeurs.offres.models import FicheDePoste, Offre
    from cipdesk.employeurs.prospection.models import ActionProspection
    from cipdesk.employeurs.immersions import queries as immersions
    from cipdesk.employeurs.immersions.models import Immersion

    return Module(
        code="employeurs",
        titre="Employeurs",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("employeurs.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "base employeurs, échanges, fiches de poste et offres, partagés dans la structure (issue #13)"),
              RegleDAcces("employeurs.modifier", (Role.CONSEILLER,),
                          "prospecter, écrire fiches de poste, offres, candidatures et immersions"),),
        blueprints=(_blueprint(),),
        menu=(EntreeDeMenu("Employeurs", "employeurs.index", policy.permission("employeurs.voir"), ordre=40,
                           actif=("employeurs.",)),),
        navigation=(Navigation(
            "employeurs", "Employeurs",
            "Prospecter les employeurs du territoire, analyser leurs besoins, appuyer leurs recrutements.",
            ("CP12", "CP13", "CP15"), visible=policy.permission("employeurs.voir"), endpoint="employeurs.index", ordre=40),),
        objets=(
            TypeObjet("entreprise", "entreprise", "employeurs.entreprises.voir", "entreprise_id"),
            TypeObjet("interaction_entreprise", "échange avec un employeur"),
            TypeObjet("fiche_de_poste", "fiche de poste", "employeurs.offres.fiche", "fiche_id"),
            TypeObjet("offre_emploi", "offre d'emploi", "employeurs.offres.voir", "offre_id"),
            TypeObjet("candidature", "candidature", "employeurs.candidatures.voir", "candidature_id"),
            TypeObjet("immersion", "immersion (PMSMP)", "employeurs.immersions.voir", "immersion_id"),
            TypeObjet("action_prospection", "action de prospection", "employeurs.prospection.voir", "action_id"),
            TypeObjet("pratiques_durables", "pratiques de développement durable d'une action de prospection",
                      "employeurs.prospection.voir", "action_id"),
        ),
        lisibles=(
            Lisible(Entreprise, garde_entreprise),
            Lisible(Interaction, garde_entreprise),
            Lisible(FicheDePoste, garde_entreprise),
            Lisible(Offre, garde_entreprise),
            Lisible(ActionProspection, garde_entreprise),
            Lisible(Immersion, immersions.garde_immersion, audit="immersion"),
            Lisible(Candidature, candidatures.garde_candidature, audit="candidature"),
        ),
        alertes=(interactions.alertes_actions_en_retard, candidatures.alertes_sans_reponse),
        chronologie=(candidatures.chronologie_candidatures, immersions.chronologie_immersions),
        cibles_de_veille=(offres_q.cibles_de_veille,),  # a fiche de veille links to an offer (issue #15)
        preuves=(
            RegleDePreuve("entreprise", ("CP12",),
                          "REAC CP12, savoir-faire « Créer et mettre à jour une base de données des entreprises » ; "
                          "critère « La cible d'employeurs contactés est cohérente avec l'analyse réalisée »."),
            RegleDePreuve("interaction_entreprise", ("CP12",),
                          "REAC CP12, critères « La stratégie et les outils de prospection sont adaptés aux employeurs "
                          "contactés » et « La planification des actions de prospection est efficiente » (savoir-faire "
                          "« Mettre en œuvre des techniques de prospection »)."),
            RegleDePreuve("fiche_de_poste", ("CP13",),
                          "REAC CP13, critères « Les besoins de l'employeur sont repérés » et « Les caractéristiques du "
                          "poste sont correctement identifiées »."),
            RegleDePreuve("offre_emploi", ("CP13",),
                          "REAC CP13, critère « La législation sur la non-discrimination à l'emploi est connue » "
                          "(savoir-faire « Formaliser une offre d'emploi selon la législation en vigueur »)."),
            RegleDePreuve("candidature", ("CP13",),
                          "REAC CP13, critère « Les candidats potentiels sont identifiés » (savoir-faire « Rapprocher "
                          "l'offre et la demande »)."),
            RegleDePreuve("immersion", ("CP13",),
                          "REAC CP13, critères « Les informations sur les mesures, les dispositifs d'insertion, et les "
                          "contrats de travail sont adaptés » et « Les candidats potentiels sont identifiés » (savoir-faire "
                          "« Aider au montage des dossiers relatifs aux mesures »)."),
            RegleDePreuve("action_prospection", ("CP12",),
                          "REAC CP12, critères « L'analyse des données du territoire, des orientations de la structure "
                          "et des projets professionnels des bénéficiaires est pertinente », « La stratégie est cohérente "
                          "par rapport aux objectifs préalablement définis » et « L'évaluation de l'action de prospection "
                          "permet de mesurer les écarts »."),
            RegleDePreuve("pratiques_durables", ("CP15",),
                          "REAC CP15, critère « Les pratiques professionnelles prennent en compte la dimension éco "
                          "citoyenne »."),
        ),
        demo=demo.remplir_employeurs,
        echelle=echelle.remplir_echelle,
        exportables=(ListeExportable("entreprises", "Employeurs (entreprises)", exports.ENTREPRISES,
                                     exports.lignes_entreprises, policy.permission("employeurs.voir"), ordre=40),
                     ListeExportable("candidatures", "Candidatures", exports.CANDIDATURES,
                                     exports.lignes_candidatures, policy.permission("employeurs.voir"), ordre=41)),
        importables=(ListeImportable("entreprises", "Employeurs (entreprises)",
                                     "votre base d'employeurs depuis un tableur, SIRET vérifiés, doublons repérés",
                                     imports.CHAMPS, policy.permission("employeurs.modifier"), imports.analyser,
                                     imports.appliquer, imports.Entreprise, "entreprise", imports.remettre),),
        # issue #18: the person's rights (security/rgpd.py, cipdesk/employeurs/rgpd.py)
        export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT,
    )


def _rgpd():
    from cipdesk.employeurs import rgpd
    return rgpd


MODULE = _module()
