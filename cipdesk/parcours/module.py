"""The parcours module (REAC activité type 2: CP6, CP7, CP8): contract, étapes,
entretiens, projet professionnel and exit, in the module contract."""
from __future__ import annotations

from cipdesk.core.contrat import (EntreeDeMenu, Lisible, ListeExportable, Module, Navigation, RegleDePreuve,
                                   TypeObjet)
from cipdesk.security import policy


def _recepteurs() -> None:
    from cipdesk.core import signaux
    from cipdesk.parcours.etapes.services import etape_atelier, etape_atelier_presence

    def _atelier(session, *, personne, par, intitule, le, aujourd_hui, **_kw):
        etape_atelier(session, personne, par=par, intitule=intitule, le=le, aujourd_hui=aujourd_hui)

    # weak=False: the receiver is a local function, kept alive by the signal.
    signaux.inscription_atelier.connect(_atelier, weak=False)

    def _presence(session, *, personne, par, intitule, le, venu, derniere, **_kw):
        etape_atelier_presence(session, personne, par=par, intitule=intitule, le=le, venu=venu, derniere=derniere)

    # Issue #12: attendance at a session moves the étape « atelier » of the person's parcours.
    signaux.presence_atelier.connect(_presence, weak=False)

    def _sortie(session, *, personne, par, motif, le, libelle, aujourd_hui, **_kw):
        from cipdesk.parcours.sortie.services import sortie_confirmee_ailleurs
        return sortie_confirmee_ailleurs(session, personne, par=par, motif=motif, le=le, libelle=libelle,
                                         aujourd_hui=aujourd_hui)

    def _situation(session, *, personne, par, mois, fait_le, situation, commentaire="", aujourd_hui, **_kw):
        from cipdesk.parcours.sortie.services import situation_confirmee_ailleurs
        return situation_confirmee_ailleurs(session, personne, par=par, mois=mois, fait_le=fait_le,
                                            situation=situation, commentaire=commentaire, aujourd_hui=aujourd_hui)

    # Issue #14 point 6: the intégration's follow-ups decide the parcours's exit figures.
    signaux.sortie_confirmee.connect(_sortie, weak=False)
    signaux.situation_apres_sortie.connect(_situation, weak=False)


def _module() -> Module:
    from cipdesk.parcours import alertes, chiffres, demo, echelle, exports, page
    from cipdesk.parcours.contrat import queries as contrat
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.contrat.rules import DISPOSITIFS
    from cipdesk.parcours.entretiens import queries as entretiens
    from cipdesk.parcours.entretiens.models import Entretien
    from cipdesk.parcours.etapes import queries as etapes
    from cipdesk.parcours.etapes.models import Etape
    from cipdesk.parcours.etapes.rules import TYPES_ETAPE
    from cipdesk.parcours.projet.models import ActionPlan, MetierExplore, Projet
    from cipdesk.parcours.projet.queries import garde_metier
    from cipdesk.parcours.projet.rules import FINANCEMENTS, PHASES_PROJET
    from cipdesk.parcours.routes import bp
    from cipdesk.parcours.sortie import queries as sortie
    from cipdesk.parcours.sortie.models import Sortie
    from cipdesk.personnes.queries import garde_dossier

    return Module(
        code="parcours",
        titre="Parcours",
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        blueprints=(bp,),
        menu=(EntreeDeMenu("Parcours", "parcours.contrat.index", policy.peut_voir_file_active, ordre=20,
                           actif=("parcours.",)),),
        navigation=(Navigation(
            "parcours", "Parcours",
            "Contractualiser le parcours, suivre les étapes et les entretiens, accompagner le "
            "projet professionnel jusqu'à la sortie.", ("CP6", "CP7", "CP8"),
            visible=policy.peut_voir_file_active, endpoint="parcours.contrat.index", ordre=20),),
        objets=(
            TypeObjet("parcours", "parcours contractualisé", "parcours.contrat.voir", "parcours_id"),
            TypeObjet("etape", "étape de parcours"),
            TypeObjet("entretien", "entretien de suivi", "parcours.entretiens.voir", "entretien_id", notes=Entretien),
            TypeObjet("entretien_projet", "entretien de projet professionnel", "parcours.entretiens.voir",
                      "entretien_id"),
            TypeObjet("bilan_parcours", "bilan de parcours"),
            TypeObjet("projet", "projet professionnel"),
            TypeObjet("confrontation", "confrontation à la réalité du métier"),
            TypeObjet("action_plan", "action du plan d'action"),
        ),
        lisibles=(
            Lisible(Parcours, garde_dossier, audit="parcours"),
            Lisible(Etape, garde_dossier),
            Lisible(Entretien, garde_dossier, audit="entretien"),
            Lisible(Projet, garde_dossier),
            Lisible(MetierExplore, garde_metier),
            Lisible(ActionPlan, garde_dossier),
            Lisible(Sortie, garde_dossier),
        ),
        alertes=(alertes.etapes_en_retard, alertes.sans_contact, alertes.fin_de_contrat),
        chronologie=(contrat.chronologie, etapes.chronologie, entretiens.chronologie, sortie.chronologie),
        cibles_de_veille=(etapes.cibles_de_veille,),  # a fiche de veille links to an étape (issue #15)
        preuves=(
            RegleDePreuve("parcours", ("CP6",),
                          "REAC CP6, critère « L'accompagnement est contractualisé avec la personne »."),
            RegleDePreuve("etape", ("CP6",),
                          "REAC CP6 (RC §3.2) : « Les étapes du parcours sont co-construites avec la personne » et « … sont "
                          "en cohérence avec le diagnostic partagé et son évolution »."),
            RegleDePreuve("entretien", ("CP6",),
                          "REAC CP6 « Contractualiser et suivre avec la personne son parcours » (RC §3.2 : « L'alliance de "
                          "travail est créée avec la personne ») ; RC §3.1, 2e partie : un parcours d'au moins 3 entretiens."),
            RegleDePreuve("entretien_projet", ("CP6", "CP7"),
                          "Entretien de type « projet » : REAC CP6, c'est aussi un entretien de suivi du parcours "
                          "contractualisé ; REAC CP7 (RC §3.2 : « Une méthodologie d'élaboration de projet est "
                          "mise en œuvre et les étapes sont respectées ») ; RC §3.1, 3e partie : un accompagnement de projet "
                          "d'au moins 3 entretiens."),
            RegleDePreuve("bilan_parcours", ("CP6",),
                          "REAC CP6 : le suivi du parcours jusqu'à son bilan, la sortie et le passage de relais."),
            RegleDePreuve("projet", ("CP7",),
                          "REAC CP7 (RC §3.2) : « Une méthodologie d'élaboration de projet est mise en œuvre » ; « Les "
                          "compétences, qualités et talents sont identifiés avec la personne »."),
            RegleDePreuve("confrontation", ("CP7",),
                          "REAC CP7 (RC §3.2) : « La confrontation du projet avec les réalités professionnelles est planifiée "
                          "et accompagnée »."),
            RegleDePreuve("action_plan", ("CP8",),
                          "REAC CP8 (RC §3.2) : « Le plan d'action est cohérent avec le projet défini en amont » ; « Les outils "
                          "proposés favorisent la mise en œuvre des actions et des démarches »."),
        ),
        demo=demo.remplir_parcours,
        echelle=echelle.remplir_echelle,   # before the employeurs' (registry order): their offers find people
        recepteurs=_recepteurs,
        listes=(DISPOSITIFS, TYPES_ETAPE, PHASES_PROJET, FINANCEMENTS),
        fiche_personne=(page.fiche_personne,),
        exportables=(ListeExportable("parcours", "Parcours", exports.PARCOURS, exports.lignes_parcours,
                                     policy.peut_voir_file_active, ordre=20),
                     ListeExportable("entretiens", "Entretiens de suivi", exports.ENTRETIENS,
                                     exports.lignes_entretiens, policy.peut_voir_file_active, ordre=21)),
        # issue #18: the person's rights (security/rgpd.py, cipdesk/parcours/rgpd.py)
        export_personne=_rgpd().EXPORT, effacement_personne=_rgpd().EFFACEMENT,
    )


def _rgpd():
    from cipdesk.parcours import rgpd
    return rgpd


MODULE = _module()
