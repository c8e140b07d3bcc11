"""The accueil & diagnostic partagé module (REAC activité type 1: CP1, CP2, CP4, CP5)
in the module contract."""
from __future__ import annotations

from cipdesk.core.contrat import Lisible, Module, Navigation, RegleDAcces, RegleDePreuve, TypeObjet
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _module() -> Module:
    from cipdesk.accueil import chiffres
    from cipdesk.accueil import demo
    from cipdesk.accueil.accueils import queries as accueils
    from cipdesk.accueil.accueils.models import Accueil, Urgence
    from cipdesk.accueil.diagnostic import queries as diagnostic
    from cipdesk.accueil.diagnostic.models import Diagnostic
    from cipdesk.accueil.diagnostic.rules import DIMENSIONS
    from cipdesk.accueil.queries import fiche_personne
    from cipdesk.accueil.orientation import queries as orientation
    from cipdesk.accueil.orientation.models import Orientation
    from cipdesk.accueil.reunions import queries as reunions
    from cipdesk.accueil.reunions.models import ReunionInformation
    from cipdesk.accueil.routes import bp
    from cipdesk.accueil.synthese import queries as synthese
    from cipdesk.accueil.synthese.models import Synthese
    from cipdesk.personnes.queries import garde_dossier

    return Module(
        code="accueil",
        titre="Accueil & diagnostic",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("reunions.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "voir les réunions d'information collectives de la structure"),
              RegleDAcces("reunions.modifier", (Role.CONSEILLER,),
                          "organiser une réunion d'information, noter présences et suites"),),
        blueprints=(bp,),
        navigation=(Navigation(
            "accueil", "Accueil & diagnostic",
            "Accueillir, repérer les urgences, poser avec la personne un diagnostic partagé, "
            "orienter vers les partenaires.", ("CP1", "CP2", "CP4", "CP5"),
            visible=policy.peut_voir_file_active, endpoint="personnes.file_active", ordre=10),),
        objets=(
            TypeObjet("accueil", "accueil individuel", "accueil.accueils.voir", "accueil_id", notes=Accueil),
            TypeObjet("urgence", "urgence repérée lors d'un accueil"),
            TypeObjet("reunion_information", "réunion d'information collective", "accueil.reunions.voir",
                      "reunion_id"),
            TypeObjet("diagnostic", "diagnostic partagé validé"),
            TypeObjet("dimension_diagnostic", "dimension du diagnostic partagé"),
            TypeObjet("synthese", "synthèse d'entretien", "accueil.synthese.voir", "synthese_id", notes=Synthese),
            TypeObjet("orientation", "orientation vers un partenaire", "accueil.orientation.voir",
                      "orientation_id"),
            # Rules of evidence only (the record is an accueil, an urgence): see `preuves` below.
            TypeObjet("accueil_informe", "accueil individuel avec information donnée", "accueil.accueils.voir",
                      "accueil_id"),
            TypeObjet("urgence_avec_acteur", "urgence traitée avec un acteur extérieur"),
        ),
        lisibles=(
            Lisible(Accueil, garde_dossier, audit="accueil"),
            Lisible(Urgence, garde_dossier, audit="urgence"),
            Lisible(Diagnostic, garde_dossier, audit="diagnostic"),
            Lisible(Synthese, garde_dossier, audit="synthese"),
            Lisible(Orientation, garde_dossier, audit="orientation"),
            Lisible(ReunionInformation, lambda _s, u, _o, modifier: (
                policy.peut(u, "reunions.modifier") if modifier else policy.peut(u, "reunions.voir"))),
        ),
        alertes=(accueils.alertes_urgences, orientation.alertes_sans_reponse),
        filtres_personnes={"urgence": accueils.urgence_ouverte},
        domaines_d_intervention=diagnostic.dimensions_de_la_structure,
        # Read by the territoire module (répertoire, cartography, veille links), issue #15.
        bilans_orientations=orientation.bilans_par_partenaire,
        orientations_vers=orientation.orientations_vers,
        cibles_de_veille=(orientation.cibles_de_veille,),
        # The person's timeline (personnes.queries.chronologie), one provider per kind of record.
        chronologie=(accueils.chronologie_accueils, accueils.chronologie_urgences, diagnostic.chronologie,
                     synthese.chronologie, orientation.chronologie, reunions.chronologie,
                     accueils.chronologie_notes, synthese.chronologie_notes),
        preuves=(
            RegleDePreuve("accueil", ("CP2",),
                          "REAC CP2 « Analyser la demande de la personne » (demande exprimée, commande du prescripteur). "
                          "Sans information donnée (ou avec la seule notice RGPD), l'accueil ne prouve pas CP1."),
            RegleDePreuve("accueil_informe", ("CP1", "CP2"),
                          "Accueil au cours duquel une information a été donnée : REAC CP1 « Informer une personne … sur "
                          "les ressources en matière d'insertion et les services dématérialisés » (RC §3.2 : « l'offre de "
                          "services de la structure est clairement présentée ») ; CP2 « Analyser la demande de la "
                          "personne » (demande exprimée, commande du prescripteur)."),
            RegleDePreuve("urgence", ("CP2",),
                          "REAC CP2, savoir-faire « Détecter et prendre en compte les situations d'urgence nécessitant une "
                          "intervention immédiate »."),
            RegleDePreuve("urgence_avec_acteur", ("CP2", "CP4"),
                          "Urgence pour laquelle un acteur a été appelé : REAC CP2 « Détecter et prendre en compte les "
                          "situations d'urgence » ; CP4 (RC §3.2 : « les acteurs mobilisables pour répondre aux besoins "
                          "des personnes sont repérés et mobilisés »)."),
            RegleDePreuve("reunion_information", ("CP1",),
                          "REAC CP1 « Informer une personne ou un groupe » : réunion d'information collective."),
            RegleDePreuve("diagnostic", ("CP2",),
                          "REAC CP2 « Poser les bases d'un diagnostic partagé » (RC §3.2 : « les éléments nécessaires pour "
                          "poser les bases d'un diagnostic sont identifiés », « l'adhésion et la validation de la personne "
                          "sont recherchées »)."),
            RegleDePreuve("synthese", ("CP2", "CP5"),
                          "REAC CP5 « Réaliser … les écrits professionnels liés à l'activité » (RC §3.2 : « les écrits "
                          "professionnels sont structurés et clairs ») ; CP2 : synthèse de l'entretien de diagnostic."),
            RegleDePreuve("orientation", ("CP1", "CP4", "CP5"),
                          "REAC CP1, savoir-faire « Orienter vers d'autres structures, dispositifs » ; CP4 « Travailler … "
                          "dans un cadre partenarial » (RC §3.2 : « les échanges avec les acteurs respectent le principe de "
                          "confidentialité ») ; CP5 : la fiche de liaison est un écrit professionnel."),
        ),
        demo=demo.remplir_accueil,
        listes=(DIMENSIONS,),
        fiche_personne=(fiche_personne,),
        # issue #18: the person's rights (security/rgpd.py, cipdesk/accueil/rgpd.py)
        export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT,
    )


def _rgpd():
    from cipdesk.accueil import rgpd
    return rgpd


MODULE = _module()
