"""The territoire module (REAC CP3, CP4) in the module contract: the structure's
profile, the territory profile in dated versions, the veille, the répertoire
opérationnel des partenaires (moved out of accueil) with the orientations really
made, the cartography of the network and the team's references."""
from __future__ import annotations

from cipdesk.core.contrat import (EntreeDeMenu, Lisible, ListeExportable, ListeImportable, Module, Navigation,
                                  RegleDAcces, RegleDePreuve, TypeObjet)
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _garde_partenaire(_session, utilisateur, _partenaire, modifier: bool) -> bool:
    return policy.peut(utilisateur, "repertoire.modifier") if modifier else policy.peut(utilisateur, "repertoire.voir")


def _garde_territoire(_session, utilisateur, _objet, modifier: bool) -> bool:
    return policy.peut(utilisateur, "territoire.modifier") if modifier else policy.peut(utilisateur, "territoire.voir")


def _garde_reference(_session, utilisateur, reference, modifier: bool) -> bool:
    """Everyone of the structure reads the team's references; one removes only one's own."""
    if modifier:
        return policy.peut(utilisateur, "territoire.modifier") and reference.utilisateur_id == utilisateur.id
    return policy.peut(utilisateur, "territoire.voir")


def _module() -> Module:
    from cipdesk.territoire import chiffres
    from cipdesk.territoire import demo, exports, imports
    from cipdesk.territoire.partenaires.models import ContactPartenaire, Partenaire
    from cipdesk.territoire.profil.models import VersionTerritoire  # noqa: F401  (table of the module)
    from cipdesk.territoire.reseau.models import ReferenceEquipe
    from cipdesk.territoire.routes import bp
    from cipdesk.territoire.structure.models import ProfilStructure  # noqa: F401  (table of the module)
    from cipdesk.territoire.veille.models import FicheVeille, LienVeille  # noqa: F401

    return Module(
        code="territoire",
        titre="Territoire et partenaires",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("repertoire.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "voir le répertoire des partenaires (REAC CP4)"),
              RegleDAcces("repertoire.modifier", (Role.CONSEILLER,),
                          "tenir à jour le répertoire des partenaires"),
              RegleDAcces("territoire.voir", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "profil du territoire, veille, cartographie, références de l'équipe (CP3, CP4)"),
              RegleDAcces("territoire.modifier", (Role.CONSEILLER, Role.CHEF_DE_SERVICE,),
                          "tenir à jour le profil du territoire et la veille"),
              RegleDAcces("territoire.voir_profil_structure", (Role.CONSEILLER, Role.CHEF_DE_SERVICE, Role.ADMIN,),
                          "voir le profil de la structure"),
              RegleDAcces("territoire.modifier_profil_structure", (Role.ADMIN, Role.CHEF_DE_SERVICE,),
                          "modifier le profil de la structure"),),
        blueprints=(bp,),
        menu=(EntreeDeMenu("Territoire", "territoire.index", policy.permission("territoire.voir"), ordre=20,
                           actif=("territoire.",)),
              # The admin edits the structure's profile without seeing the rest of the module.
              EntreeDeMenu("Profil de la structure", "territoire.structure.voir", policy.est_admin, ordre=85,
                           actif=("territoire.structure.",))),
        navigation=(Navigation(
            "territoire", "Territoire, veille et partenaires",
            "Connaître le territoire, tenir la veille sur les dispositifs et le répertoire des partenaires, "
            "voir le réseau réellement mobilisé.", ("CP3", "CP4"),
            visible=policy.permission("territoire.voir"), endpoint="territoire.index", ordre=15),),
        objets=(
            TypeObjet("partenaire", "partenaire du territoire", "territoire.partenaires.voir", "partenaire_id"),
            TypeObjet("profil_structure", "profil de la structure"),
            TypeObjet("profil_territoire", "version du profil du territoire"),
            TypeObjet("fiche_veille", "fiche de veille", "territoire.veille.voir", "fiche_id"),
            TypeObjet("reference_equipe", "compétence ou référence de l'équipe"),
        ),
        lisibles=(
            Lisible(Partenaire, _garde_partenaire),
            Lisible(ContactPartenaire, _garde_partenaire),
            Lisible(FicheVeille, _garde_territoire),
            Lisible(ReferenceEquipe, _garde_reference),
        ),
        preuves=(
            RegleDePreuve("profil_territoire", ("CP3",),
                          "REAC CP3, critères « Les caractéristiques majeures sociales, économiques et "
                          "environnementales du territoire sont identifiées », « Les ressources, les atouts et les "
                          "faiblesses socio-économiques du territoire sont analysés » et « La méthode de recueil et "
                          "de traitement des données est pertinente » (chaque chiffre avec sa source et sa date)."),
            RegleDePreuve("fiche_veille", ("CP3",),
                          "REAC CP3 : « S'informer sur les évolutions des dispositifs et mesures d'insertion sociale "
                          "et professionnelle » ; critère « La méthode de recueil et de traitement des données est "
                          "pertinente » (source, date, échéance de révision)."),
            RegleDePreuve("partenaire", ("CP4",),
                          "REAC CP4, critère « Les acteurs mobilisables pour répondre aux besoins des personnes sont "
                          "repérés et mobilisés » ; savoir-faire « Réaliser une cartographie des partenaires de la "
                          "structure et de son réseau » (tenue du répertoire opérationnel)."),
            RegleDePreuve("reference_equipe", ("CP4",),
                          "REAC CP4 : « Identifier les membres de son équipe et leurs compétences »."),
        ),
        demo=demo.remplir_territoire,
        # issue #19: the répertoire to and from a spreadsheet (territoire/exports.py, territoire/imports.py)
        exportables=(ListeExportable("partenaires", "Partenaires du territoire", exports.PARTENAIRES,
                                     exports.lignes_partenaires, policy.permission("repertoire.voir"), ordre=45),),
        importables=(ListeImportable("partenaires", "Partenaires du territoire",
                                     "votre répertoire des partenaires depuis un tableur, doublons repérés",
                                     imports.CHAMPS, policy.permission("repertoire.modifier"), imports.analyser,
                                     imports.appliquer, imports.Partenaire, "partenaire", imports.remettre),),
    )


MODULE = _module()
