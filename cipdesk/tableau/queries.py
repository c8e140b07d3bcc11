"""The indicators of the tableau de bord (issue #17, point 1), each ONE aggregated SQL
query over the daily records, whatever the size of the team.

Every indicator is declared by its *rows*: a `select()` whose columns are
`cle` (what the figure is broken down by: a conseiller, a month, a category…),
`personne_id`, `objet_id` (the record counted, when it is not the person), `le` (its
date) and `valeur` (a number of days, for delays and ages). The figures are that
select grouped by `cle` (count, sum, max); the list behind a figure is the same select
filtered on its `cle`. A figure and its list therefore cannot disagree (point 4).

Every select goes through the chef's perimeter (`policy.perimetre`: the people whose
référent is in their team, in their structure) and the filters of the URL."""
from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import String, and_, bindparam, case, cast, exists, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session

from cipdesk.accueil.accueils.models import Accueil, Urgence
from cipdesk.accueil.diagnostic.models import Diagnostic, StatutDiagnostic
from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
from cipdesk.accueil.reunions.models import ParticipantReunion, ResultatReunion, ReunionInformation
from cipdesk.comptes.models import Utilisateur
from cipdesk.parcours.contrat.models import Parcours, StatutParcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.etapes.models import Etape
from cipdesk.parcours.etapes.queries import STATUTS_OUVERTS
from cipdesk.parcours.sortie.models import CategorieSortie, SituationSuivi, Sortie, SuiviSortie
from cipdesk.parcours.sortie.queries import MOIS_SUIVI, SORTIES_DYNAMIQUES
from cipdesk.personnes.models import PUBLICS, Personne, StatutPersonne
from cipdesk.tableau import activites, rules
from cipdesk.tableau.lignes import (AUCUN, Contexte, contexte, equipes_du_chef, lignes, parcours_retenus,  # noqa: F401
                                    personnes_retenues)
from cipdesk.tableau.sql import jour_de, jours_entre, le_plus_tot, mois_de



# -- indicators ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Indicateur:
    code: str
    titre: str
    definition: str       # what the figure means
    source: str           # where it comes from (which daily records)
    compte: str           # what one unit is
    unite: str            # « personnes », « sorties »…
    lignes: Callable[[Contexte], object]
    cles: Callable[[Contexte], list[tuple[str, str]]]     # the expected breakdown, in order (cle, label)
    delai: bool = False   # the rows carry a number of days: show mean and max
    # Figures that add up several keys (e.g. « sorties dynamiques »): code -> (label, keys).
    groupes: Callable[[Contexte], dict] = lambda ctx: {}
    libelle_valeur: str = "jours"
    objet: str = ""       # what `objet_id` is, in words (« entretien »), or "" for the person
    objet_type: str = ""  # its record kind (core.contrat.TypeObjet), for a link when it has no person


def _par_conseiller(ctx: Contexte) -> list[tuple[str, str]]:
    return [(str(i), nom) for i, nom in ctx.conseillers.items()]


def _par_mois(ctx: Contexte) -> list[tuple[str, str]]:
    return [(m, rules.libelle_mois(m)) for m in rules.mois_de_la_periode(ctx.filtres.debut, ctx.filtres.fin)]


def _unique(libelle: str):
    return lambda ctx: [("tous", libelle)]


def _file_active(ctx: Contexte):
    """Grouped on the parcours' `personne_id` (the same value as `Personne.id`): grouped on the
    person's key, SQLite walks every person of the structure in key order to skip a sort
    (21 ms at structure scale) instead of the team's people by référent (1 ms)."""
    f = ctx.filtres
    return (select(*lignes(Personne.referent_id, Parcours.personne_id, None, func.min(Parcours.debut)))
            .join(Parcours, Parcours.personne_id == Personne.id)
            .outerjoin(Sortie, Sortie.parcours_id == Parcours.id)
            .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.debut <= f.fin,
                   or_(Sortie.id.is_(None), Sortie.sortie_le >= f.debut))
            .group_by(Personne.referent_id, Parcours.personne_id))


def _entrees(ctx: Contexte):
    f = ctx.filtres
    return (select(*lignes(mois_de(Parcours.debut), Parcours.personne_id, Parcours.id, Parcours.debut))
            .join(Personne, Personne.id == Parcours.personne_id)
            .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.debut.between(f.debut, f.fin)))


def _sorties(cle_de):
    def rangs(ctx: Contexte):
        f = ctx.filtres
        return (select(*lignes(cle_de(), Parcours.personne_id, Sortie.id, Sortie.sortie_le))
                .join(Parcours, Parcours.id == Sortie.parcours_id)
                .join(Personne, Personne.id == Parcours.personne_id)
                .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Sortie.sortie_le.between(f.debut, f.fin)))
    return rangs


def _categories(ctx: Contexte):
    return [(c.value, c.libelle) for c in CategorieSortie]


def _groupes_sorties(ctx: Contexte) -> dict:
    return {
        "comptees": ("Sorties comptabilisées (hors retraits)",
                     [c.value for c in CategorieSortie if c != CategorieSortie.RETRAITS]),
        "dynamiques": ("Sorties dynamiques", [c.value for c in CategorieSortie if c in SORTIES_DYNAMIQUES]),
    }


def _retenues(ctx: Contexte):
    """The ids of the people the perimeter and filters keep: the per-person aggregates below
    (first accueil, first validated diagnostic…) are computed for them only, not for the whole
    structure (the same rows, 10 to 50 times fewer to group at federation scale: bench/RESULTS.md)."""
    return select(Personne.id).where(*personnes_retenues(ctx))


def _premier_accueil(ctx: Contexte):
    return (select(Accueil.personne_id.label("personne_id"), func.min(Accueil.date_accueil).label("le"))
            .where(Accueil.structure_id == ctx.structure_id, Accueil.personne_id.in_(_retenues(ctx)))
            .group_by(Accueil.personne_id).subquery())


def _delai_accueil(ctx: Contexte):
    """First contact = the earliest of: the day the person was first recorded, the first
    réunion d'information they attended, the first accueil itself."""
    f = ctx.filtres
    pa = _premier_accueil(ctx)
    reunion = (select(ParticipantReunion.personne_id.label("personne_id"),
                      func.min(ReunionInformation.date_reunion).label("le"))
               .join(ReunionInformation, ReunionInformation.id == ParticipantReunion.reunion_id)
               .where(ParticipantReunion.structure_id == ctx.structure_id,
                      ParticipantReunion.personne_id.in_(_retenues(ctx)),
                      ParticipantReunion.resultat != ResultatReunion.ABSENT)
               .group_by(ParticipantReunion.personne_id).subquery())
    premier_contact = le_plus_tot(func.coalesce(jour_de(Personne.created_at), pa.c.le),
                                  func.coalesce(reunion.c.le, pa.c.le), pa.c.le)
    return (select(*lignes(literal("tous"), Personne.id, None, pa.c.le, jours_entre(pa.c.le, premier_contact)))
            .join(pa, pa.c.personne_id == Personne.id)
            .outerjoin(reunion, reunion.c.personne_id == Personne.id)
            .where(*personnes_retenues(ctx), pa.c.le.between(f.debut, f.fin)))


def _delai_diagnostic(ctx: Contexte):
    f = ctx.filtres
    pa = _premier_accueil(ctx)
    valide = (select(Diagnostic.personne_id.label("personne_id"), func.min(Diagnostic.valide_le).label("le"))
              .where(Diagnostic.structure_id == ctx.structure_id, Diagnostic.statut == StatutDiagnostic.VALIDE,
                     Diagnostic.personne_id.in_(_retenues(ctx)))
              .group_by(Diagnostic.personne_id).subquery())
    return (select(*lignes(literal("tous"), Personne.id, None, valide.c.le, jours_entre(valide.c.le, pa.c.le)))
            .join(valide, valide.c.personne_id == Personne.id)
            .join(pa, pa.c.personne_id == Personne.id)
            .where(*personnes_retenues(ctx), valide.c.le.between(f.debut, f.fin)))


def _delai_orientation(ctx: Contexte):
    f = ctx.filtres
    return (select(*lignes(Orientation.reponse, Orientation.personne_id, Orientation.id, Orientation.reponse_le,
                            jours_entre(Orientation.reponse_le, Orientation.date_orientation)))
            .join(Personne, Personne.id == Orientation.personne_id)
            .where(*personnes_retenues(ctx), Orientation.reponse != ReponsePartenaire.EN_ATTENTE,
                   Orientation.reponse_le.between(f.debut, f.fin)))


def _delai_premier_entretien(ctx: Contexte):
    f = ctx.filtres
    debutes = (select(Parcours.id).join(Personne, Personne.id == Parcours.personne_id)
               .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.debut.between(f.debut, f.fin)))
    premier = (select(Entretien.parcours_id.label("parcours_id"), func.min(Entretien.le).label("le"))
               .where(Entretien.structure_id == ctx.structure_id, Entretien.parcours_id.in_(debutes))
               .group_by(Entretien.parcours_id).subquery())
    return (select(*lignes(literal("tous"), Parcours.personne_id, Parcours.id, Parcours.debut,
                            jours_entre(premier.c.le, Parcours.debut)))
            .join(premier, premier.c.parcours_id == Parcours.id)
            .join(Personne, Personne.id == Parcours.personne_id)
            .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.debut.between(f.debut, f.fin)))


def _entretiens(ctx: Contexte):
    """The entretiens of the retained parcours, reached through those parcours (`IN`): joined
    to them, SQLite read every entretien of the period by the (conseiller, date) index, then
    looked up its parcours and person (46 000 entretiens at structure scale, 270 ms), instead of
    the team's parcours and their entretiens by parcours (6 000, 12 ms)."""
    f = ctx.filtres
    retenus = (select(Parcours.id).join(Personne, Personne.id == Parcours.personne_id)
               .where(*personnes_retenues(ctx), *parcours_retenus(ctx)))
    return (select(*lignes(Entretien.conseiller_id, Parcours.personne_id, Entretien.id, Entretien.le))
            .join(Parcours, Parcours.id == Entretien.parcours_id)
            .where(Entretien.parcours_id.in_(retenus), Entretien.le.between(f.debut, f.fin)))


def _urgences(ctx: Contexte):
    """Open today (no immediate action recorded), by age: a state, not a flow."""
    age = jours_entre(literal(ctx.aujourd_hui), Urgence.reperee_le)
    tranche = case(*[(age <= haut, code) for code, _l, _b, haut in rules.TRANCHES_AGE_URGENCE if haut is not None],
                   else_=rules.TRANCHES_AGE_URGENCE[-1][0])
    return (select(*lignes(tranche, Urgence.personne_id, Urgence.id, Urgence.reperee_le, age))
            .join(Personne, Personne.id == Urgence.personne_id)
            .where(*personnes_retenues(ctx), Urgence.traitee_le.is_(None), Urgence.reperee_le <= ctx.aujourd_hui))


def _etapes_en_retard(ctx: Contexte):
    """Open étapes of open parcours whose échéance has passed (as the parcours alert)."""
    return (select(*lignes(Personne.referent_id, Personne.id, Etape.id, Etape.echeance,
                            jours_entre(literal(ctx.aujourd_hui), Etape.echeance)))
            .join(Parcours, Parcours.id == Etape.parcours_id)
            .join(Personne, Personne.id == Parcours.personne_id)
            .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.statut == StatutParcours.OUVERT,
                   Etape.statut.in_(STATUTS_OUVERTS), Etape.echeance < ctx.aujourd_hui))


def _sans_contact(ctx: Contexte):
    """People with an open parcours and no contact for more than the structure's threshold
    (setting `jours_sans_contact`, as the parcours alert; since the parcours' start if none).
    Grouped on the parcours' `personne_id`, as the file active (SQLite would otherwise walk every
    person of the structure in key order)."""
    dernier = func.coalesce(Personne.dernier_contact_le, func.min(Parcours.debut))
    jours = jours_entre(literal(ctx.aujourd_hui), dernier)
    return (select(*lignes(Personne.referent_id, Parcours.personne_id, None, dernier, jours))
            .join(Parcours, Parcours.personne_id == Personne.id)
            .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.statut == StatutParcours.OUVERT)
            .group_by(Personne.referent_id, Parcours.personne_id, Personne.dernier_contact_le)
            .having(jours > ctx.seuil_sans_contact))


A_FAIRE = "a_faire"


def _post_sortie(ctx: Contexte):
    """Exits of the period whose 3- (6-) month check is recorded, or due and not recorded."""
    f = ctx.filtres
    selects = []
    for mois in MOIS_SUIVI:
        echue = rules.moins_mois(ctx.aujourd_hui, mois)
        cle = literal(f"{mois}:") + func.coalesce(type_coerce(SuiviSortie.situation, String), A_FAIRE)
        selects.append(
            select(*lignes(cle, Parcours.personne_id, Sortie.id, Sortie.sortie_le))
            .join(Parcours, Parcours.id == Sortie.parcours_id)
            .join(Personne, Personne.id == Parcours.personne_id)
            .outerjoin(SuiviSortie, and_(SuiviSortie.sortie_id == Sortie.id, SuiviSortie.mois == mois))
            .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Sortie.sortie_le.between(f.debut, f.fin),
                   Sortie.categorie != CategorieSortie.RETRAITS,
                   or_(SuiviSortie.id.is_not(None), Sortie.sortie_le <= echue)))
    return union_all(*selects)


def _cles_post_sortie(ctx: Contexte):
    cles = []
    for mois in MOIS_SUIVI:
        cles += [(f"{mois}:{s.value}", f"À {mois} mois : {s.libelle.lower()}") for s in SituationSuivi]
        cles.append((f"{mois}:{A_FAIRE}", f"À {mois} mois : suivi dû, non renseigné"))
    return cles


INDICATEURS: dict[str, Indicateur] = {i.code: i for i in (
    Indicateur("file_active", "File active par conseiller·ère",
               "Personnes accompagnées au moins un jour de la période : un parcours commencé avant la fin de la "
               "période et sans sortie avant son début. Comparée à la norme de la structure par conseiller·ère.",
               "Parcours (contrat d'accompagnement) et sorties", "une personne (une fois, même avec deux parcours)",
               "personnes", _file_active, _par_conseiller),
    Indicateur("entrees", "Entrées en accompagnement par mois",
               "Parcours dont le contrat commence dans la période, par mois de début.",
               "Parcours (date de début du contrat)", "un parcours", "entrées", _entrees, _par_mois,
               objet="parcours"),
    Indicateur("sorties_mois", "Sorties par mois", "Sorties de parcours enregistrées dans la période, par mois.",
               "Sorties de parcours (date de sortie)", "une sortie", "sorties",
               _sorties(lambda: mois_de(Sortie.sortie_le)), _par_mois, objet="sortie"),
    Indicateur("sorties_categorie", "Sorties par catégorie",
               "Sorties de la période par catégorie (regroupement IAE/DGEFP). Taux de sorties "
               "dynamiques = (emploi durable + emploi de transition + sortie positive) ÷ sorties hors retraits.",
               "Sorties de parcours (motif et catégorie)", "une sortie", "sorties",
               _sorties(lambda: Sortie.categorie), _categories, groupes=_groupes_sorties, objet="sortie"),
    Indicateur("delai_accueil", "Délai du premier contact à l'accueil",
               "Pour chaque personne dont le premier accueil individuel a lieu dans la période : jours entre le "
               "premier contact (fiche créée ou réunion d'information suivie, la plus ancienne) et cet accueil.",
               "Fiches des personnes, réunions d'information, accueils", "une personne accueillie", "personnes",
               _delai_accueil, _unique("Personnes accueillies pour la première fois"), delai=True),
    Indicateur("delai_diagnostic", "Délai de l'accueil au diagnostic validé",
               "Pour chaque personne dont le premier diagnostic validé avec elle l'est dans la période : jours "
               "entre son premier accueil et cette validation.",
               "Accueils et diagnostics partagés (date de validation)", "une personne", "personnes",
               _delai_diagnostic, _unique("Diagnostics validés pour la première fois"), delai=True),
    Indicateur("delai_orientation", "Délai de l'orientation à la réponse du partenaire",
               "Orientations dont le partenaire a répondu dans la période : jours entre l'orientation et la "
               "réponse, par réponse.", "Orientations vers les partenaires (fiches de liaison)",
               "une orientation", "orientations", _delai_orientation,
               lambda ctx: [(r.value, r.libelle) for r in ReponsePartenaire if r != ReponsePartenaire.EN_ATTENTE],
               delai=True, objet="orientation"),
    Indicateur("delai_premier_entretien", "Délai du premier entretien",
               "Parcours commencés dans la période et qui ont eu au moins un entretien de suivi : jours entre le "
               "début du contrat et le premier entretien.", "Parcours et entretiens de suivi", "un parcours",
               "parcours", _delai_premier_entretien, _unique("Parcours commencés avec un entretien"), delai=True,
               objet="parcours"),
    Indicateur("entretiens", "Entretiens par conseiller·ère",
               "Entretiens de suivi tenus dans la période, par conseiller·ère qui les a menés, et leur nombre "
               "moyen par semaine de la période.", "Entretiens de suivi des parcours", "un entretien",
               "entretiens", _entretiens, _par_conseiller, objet="entretien"),
    Indicateur("urgences", "Urgences ouvertes et leur âge",
               "Urgences repérées à l'accueil sans action immédiate enregistrée, aujourd'hui, par ancienneté "
               "(jours depuis le repérage).", "Urgences repérées aux accueils", "une urgence", "urgences",
               _urgences, lambda ctx: [(c, l) for c, l, _b, _h in rules.TRANCHES_AGE_URGENCE], delai=True,
               objet="urgence"),
    Indicateur("etapes_en_retard", "Étapes en retard",
               "Étapes encore ouvertes (prévues, en cours, reportées) de parcours en cours dont l'échéance est "
               "passée, aujourd'hui, par référent·e ; retard en jours.", "Étapes des parcours", "une étape",
               "étapes", _etapes_en_retard, _par_conseiller, delai=True, objet="étape"),
    Indicateur("sans_contact", "Personnes sans contact",
               "Personnes en parcours sans contact (entretien, accueil, présence à un atelier) depuis plus de jours "
               "que le seuil de la structure, aujourd'hui, par référent·e.",
               "Dernier contact tenu par les accueils, entretiens et ateliers ; parcours en cours", "une personne",
               "personnes", _sans_contact, _par_conseiller, delai=True),
    Indicateur("post_sortie", "Situation après la sortie, à 3 et 6 mois",
               "Sorties de la période (hors retraits) dont le suivi à 3 (6) mois est enregistré, par situation, ou "
               "dû et non renseigné.", "Suivis après la sortie", "une sortie", "sorties", _post_sortie,
               _cles_post_sortie, objet="sortie"),
    # -- ateliers (CP9, CP10) --
    Indicateur("ateliers_sessions", "Sessions d'ateliers animées",
               "Sessions animées par un·e conseiller·ère de l'équipe ayant au moins une demi-journée dans la période.",
               "Sessions d'ateliers et leurs demi-journées", "une session", "sessions", activites.sessions,
               _par_conseiller, objet="session", objet_type="session_atelier"),
    Indicateur("ateliers_presences", "Présence aux ateliers",
               "Émargements des personnes de l'équipe aux demi-journées de la période, par statut. Taux de présence = "
               "présent·es et en retard ÷ émargements.", "Feuilles d'émargement des ateliers",
               "un émargement (une personne, une demi-journée)", "émargements", activites.presences,
               activites.enum_cles(activites.StatutPresence), groupes=activites.groupes_presences,
               objet="demi-journée"),
    Indicateur("ateliers_objectifs", "Objectifs pédagogiques atteints",
               "Évaluations des objectifs pédagogiques des personnes de l'équipe faites dans la période, par résultat.",
               "Évaluations des participants aux ateliers", "une évaluation (une personne, un objectif)", "évaluations",
               activites.objectifs, activites.enum_cles(activites.Resultat), objet="objectif évalué"),
    Indicateur("ateliers_satisfaction", "Satisfaction des participants",
               "Questionnaires de satisfaction (anonymes, saisis depuis le papier) des sessions de l'équipe remplis "
               "dans la période, par note de 1 (pas du tout satisfait·e) à 4 (très satisfait·e) ; note moyenne.",
               "Questionnaires de satisfaction des sessions", "un questionnaire", "questionnaires",
               activites.satisfaction, lambda ctx: [(str(n), f"Note {n} sur 4") for n in (1, 2, 3, 4)], delai=True,
               libelle_valeur="note sur 4", objet="questionnaire anonyme"),
    # -- employeurs (CP12, CP13) --
    Indicateur("prospection", "Prospection : échanges avec les employeurs",
               "Échanges des conseiller·ères de l'équipe avec les entreprises dans la période, par nature (appels, "
               "courriels, visites, événements, job datings, immersions).", "Échanges avec les entreprises",
               "un échange", "échanges", activites.echanges, activites.enum_cles(activites.NatureInteraction),
               objet="échange avec un employeur"),
    Indicateur("offres", "Offres d'emploi recueillies",
               "Offres ouvertes dans la période à partir d'une fiche de poste rédigée par l'équipe, par statut "
               "aujourd'hui.", "Fiches de poste et offres d'emploi", "une offre", "offres", activites.offres,
               activites.enum_cles(activites.StatutOffre), objet="offre", objet_type="offre_emploi"),
    Indicateur("candidatures", "Candidatures et embauches",
               "Candidatures des personnes de l'équipe proposées dans la période, et embauches enregistrées dans la "
               "période (journal de chaque candidature).", "Candidatures et leur journal", "une candidature",
               "candidatures", activites.candidatures,
               lambda ctx: [("proposees", "Candidatures proposées"), ("embauches", "Embauches")], objet="candidature"),
    # -- intégration (CP14) --
    Indicateur("integration_points", "Points de suivi dans l'emploi",
               "Points de suivi d'intégration des personnes de l'équipe prévus dans la période et dus aujourd'hui : "
               "faits, ou manqués (date passée, non faits).", "Points de suivi des intégrations", "un point de suivi",
               "points de suivi", activites.points_integration,
               lambda ctx: [("faits", "Faits"), ("manques", "Manqués")], objet="point de suivi"),
    Indicateur("integrations", "Intégrations et ruptures",
               "Intégrations suivies pendant la période (commencées avant sa fin, sans bilan avant son début), par "
               "statut aujourd'hui : en cours, terminées avec un bilan, rompues.", "Suivis d'intégration",
               "un suivi d'intégration", "intégrations", activites.integrations,
               activites.enum_cles(activites.StatutSuivi), objet="suivi d'intégration",
               objet_type="suivi_integration"),
    # -- prévention (CT1: prévention des risques professionnels) --
    Indicateur("incidents", "Incidents avec le public",
               "Incidents avec le public notés par les conseiller·ères de l'équipe, survenus dans la période, par "
               "nature. Ce qui s'est passé reste sur la page de l'incident (chiffré).",
               "Incidents avec le public (Ma pratique, prévention)", "un incident", "incidents",
               activites.incidents, activites.enum_cles(activites.NatureIncident), objet="incident",
               objet_type="incident_public"),
)}

# Sections of the page, in order.
SECTIONS = (
    ("Activité de l'équipe", ("file_active", "entrees", "sorties_mois", "sorties_categorie", "entretiens")),
    ("Délais", ("delai_accueil", "delai_diagnostic", "delai_orientation", "delai_premier_entretien")),
    ("À surveiller aujourd'hui", ("urgences", "etapes_en_retard", "sans_contact")),
    ("Après la sortie", ("post_sortie",)),
    ("Ateliers", ("ateliers_sessions", "ateliers_presences", "ateliers_objectifs", "ateliers_satisfaction")),
    ("Prospection et recrutement", ("prospection", "offres", "candidatures")),
    ("Intégration dans l'emploi", ("integration_points", "integrations")),
    ("Prévention", ("incidents",)),
)


# Each section is a view of its own (issue #17: the one long page was ~14 000 px): its slug in
# the URL (`?section=delais`), beside the filters, so that a view is bookmarkable too.
SLUGS = ("activite", "delais", "a-surveiller", "apres-sortie", "ateliers", "prospection", "integration", "prevention")
ONGLETS = tuple((slug, titre, codes) for slug, (titre, codes) in zip(SLUGS, SECTIONS, strict=True))


def onglet(slug: str | None):
    """The section a URL names (the first when none); None for an unknown one (404)."""
    if not slug:
        return ONGLETS[0]
    return next((o for o in ONGLETS if o[0] == slug), None)


# -- figures ---------------------------------------------------------------------------------
def cle_texte(valeur) -> str:
    if valeur is None:
        return AUCUN
    return str(valeur.value if hasattr(valeur, "value") else valeur)


@dataclass
class Ligne:
    cle: str
    libelle: str
    nombre: int
    total_jours: int = 0
    max_jours: int | None = None
    groupe: bool = False

    @property
    def moyenne(self) -> float | None:
        return round(self.total_jours / self.nombre, 1) if self.nombre else None


@dataclass
class Chiffres:
    indicateur: Indicateur
    lignes: list[Ligne]
    groupes: list[Ligne]

    @property
    def total(self) -> Ligne:
        n = sum(l.nombre for l in self.lignes)
        maxs = [l.max_jours for l in self.lignes if l.max_jours is not None]
        return Ligne("", "Total", n, sum(l.total_jours for l in self.lignes), max(maxs) if maxs else None)

    def ligne(self, cle: str) -> Ligne | None:
        return next((l for l in self.lignes + self.groupes if l.cle == cle), None)


def _libelle_inconnu(ind: Indicateur, cle: str, ctx: Contexte) -> str:
    if cle == AUCUN:
        return "Sans référent·e"
    return "Ancien·ne membre de l'équipe" if ind.cles is _par_conseiller else cle


def chiffres(session: Session, ctx: Contexte, ind: Indicateur) -> Chiffres:
    """ONE query: the indicator's rows grouped by key; expected keys without rows show 0."""
    sous = ind.lignes(ctx).subquery()
    resultat = {cle_texte(cle): (n, total or 0, maxi) for cle, n, total, maxi in session.execute(
        select(sous.c.cle, func.count(), func.sum(sous.c.valeur), func.max(sous.c.valeur)).group_by(sous.c.cle))}
    return _assembler(ctx, ind, resultat)


def _assembler(ctx: Contexte, ind: Indicateur, resultat: dict) -> Chiffres:
    """The figures from the grouped rows {key: (count, sum, max)}: the expected keys in order
    (0 when absent), then the unexpected ones, then the groups."""
    lignes = []
    for cle, libelle in ind.cles(ctx):
        n, total, maxi = resultat.pop(cle, (0, 0, None))
        lignes.append(Ligne(cle, libelle, n, int(total), maxi))
    for cle, (n, total, maxi) in sorted(resultat.items()):
        lignes.append(Ligne(cle, _libelle_inconnu(ind, cle, ctx), n, int(total), maxi))
    groupes = []
    for code, (libelle, cles) in ind.groupes(ctx).items():
        membres = [l for l in lignes if l.cle in cles]
        maxs = [l.max_jours for l in membres if l.max_jours is not None]
        groupes.append(Ligne(code, libelle, sum(l.nombre for l in membres), sum(l.total_jours for l in membres),
                             max(maxs) if maxs else None, groupe=True))
    return Chiffres(ind, lignes, groupes)


def tableau_de_bord(session: Session, ctx: Contexte, codes=None) -> dict[str, Chiffres]:
    """Every indicator (or those of one section) in ONE query: each indicator's rows grouped
    by key, tagged with its code, under UNION ALL (the same rows `chiffres` groups one by one;
    a constant number of queries whatever the team's size, one round trip per view)."""
    choisis = {code: ind for code, ind in INDICATEURS.items() if codes is None or code in codes}
    if not choisis:
        return {}
    selects = [_groupees(ctx, code, ind) for code, ind in choisis.items()]
    requete = selects[0] if len(selects) == 1 else union_all(*selects)
    resultats: dict[str, dict] = {code: {} for code in choisis}
    for code, cle, n, total, maxi in session.execute(requete):
        resultats[code][_cle_lue(choisis[code], cle)] = (n, total or 0, maxi)
    return {code: _assembler(ctx, ind, resultats[code]) for code, ind in choisis.items()}


def _groupees(ctx: Contexte, code: str, ind: Indicateur):
    """One indicator's rows grouped by key, its key as text (the branches of a UNION ALL must
    agree on types: a référent's id, an enum's value, a month)."""
    sous = ind.lignes(ctx).subquery()
    return (select(literal(code, String).label("code"), cast(sous.c.cle, String).label("cle"),
                   func.count().label("n"), func.sum(sous.c.valeur).label("total"),
                   func.max(sous.c.valeur).label("maxi"))
            .group_by(sous.c.cle))


def _cle_lue(ind: Indicateur, cle) -> str:
    """A key read as text back to `cle_texte`'s form: SQLite holds an id as 32 hex digits,
    PostgreSQL with dashes."""
    if cle is None:
        return AUCUN
    if ind.cles is _par_conseiller:
        try:
            return str(uuid.UUID(cle))
        except ValueError:
            return cle
    return cle


# -- the list behind a figure ----------------------------------------------------------------------
@dataclass
class Element:
    personne_id: uuid.UUID
    nom: str
    prenom: str
    referent: str
    le: date | None
    valeur: int | None
    objet_id: object = None


def detail(session: Session, ctx: Contexte, ind: Indicateur, cle: str) -> tuple[Ligne, list[Element]] | None:
    """The people (or records) behind one figure: the same rows as the figure, filtered on its
    key. None when the key is not one of the indicator's (404). Never a note: names, dates and
    numbers only."""
    figures = chiffres(session, ctx, ind)
    ligne = figures.ligne(cle)
    if ligne is None:
        return None
    sous = ind.lignes(ctx).subquery()
    if ligne.groupe:
        cles = dict(ind.groupes(ctx))[cle][1]
        condition = sous.c.cle.in_(cles)
    elif cle == AUCUN:
        condition = sous.c.cle.is_(None)
    else:
        valeurs = [v for v in _valeurs_de_cle(ind, cle)]
        condition = sous.c.cle.in_(valeurs)
    referent = Utilisateur.__table__.alias("referent")
    lignes = session.execute(
        select(sous.c.personne_id, Personne.nom, Personne.prenom, referent.c.prenom, referent.c.nom,
               sous.c.le, sous.c.valeur, sous.c.objet_id)
        .outerjoin(Personne, Personne.id == sous.c.personne_id)
        .outerjoin(referent, referent.c.id == Personne.referent_id)
        .where(condition)
        .order_by(Personne.nom, Personne.prenom, sous.c.le, sous.c.objet_id)).all()
    elements = [Element(pid, nom, prenom, f"{rp} {rn}" if rn else "—", le if isinstance(le, date) or le is None
                        else date.fromisoformat(str(le)[:10]), valeur, objet_id)
                for pid, nom, prenom, rp, rn, le, valeur, objet_id in lignes]
    return ligne, elements


def _valeurs_de_cle(ind: Indicateur, cle: str) -> list:
    """The key as the database holds it (a référent's id is a UUID, the rest text)."""
    if ind.cles is _par_conseiller:
        try:
            return [uuid.UUID(cle)]
        except ValueError:
            return []
    return [cle]


# -- choices of the filters --------------------------------------------------------------------
def choix_des_filtres(session: Session, utilisateur, ctx_partiel: Contexte) -> dict[str, dict[str, str]]:
    return {
        "equipe": ctx_partiel.equipes if ctx_partiel.equipes is not None else equipes_du_chef(session, utilisateur),
        "conseiller": {str(i): n for i, n in ctx_partiel.conseillers.items()},
        "dispositif": dict(ctx_partiel.dispositifs),
        "financeur": dict(rules.FINANCEURS),
        "public": dict(PUBLICS),
    }




# -- caseload balance (point 7) ---------------------------------------------------------------
LIMITE_SANS_REFERENT = 200


def portefeuilles(session: Session, ctx: Contexte) -> list[tuple[uuid.UUID, str, int]]:
    """Each conseiller of the team with the number of people they accompany today (one query, or
    none when the context read them: `contexte(..., files_actives=True)`)."""
    if ctx.files_actives is not None:
        return [(i, nom, ctx.files_actives.get(i, 0)) for i, nom in ctx.conseillers.items()]
    comptes = dict(session.execute(
        select(Personne.referent_id, func.count()).where(
            ctx.perimetre.condition(Personne, Utilisateur), Personne.statut == StatutPersonne.ACCOMPAGNEE)
        .group_by(Personne.referent_id)).all())
    return [(i, nom, comptes.get(i, 0)) for i, nom in ctx.conseillers.items()]


@dataclass(frozen=True)
class SansReferent:
    """What the list of people without a référent shows of each: their name, status, record date."""
    id: uuid.UUID
    nom: str
    prenom: str
    nom_usage: str | None
    statut: StatutPersonne
    created_at: object

    @property
    def nom_complet(self) -> str:   # as Personne.nom_complet
        usage = f" ({self.nom_usage})" if self.nom_usage and self.nom_usage != self.nom else ""
        return f"{self.prenom} {self.nom}{usage}"


def sans_referent(session: Session, structure_id) -> list[SansReferent]:
    """People of the structure being received or accompanied who have no référent: no team's
    perimeter holds them, so every chef of the structure sees them here to give them one. The
    columns the list shows, not the whole records (up to 200 of them)."""
    return [SansReferent(*ligne) for ligne in session.execute(
        select(Personne.id, Personne.nom, Personne.prenom, Personne.nom_usage, Personne.statut, Personne.created_at)
        .where(Personne.structure_id == structure_id, Personne.referent_id.is_(None),
               Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.created_at).limit(LIMITE_SANS_REFERENT))]


def equipe_de(session: Session, utilisateur_id) -> uuid.UUID | None:
    if utilisateur_id is None:
        return None
    return session.scalar(select(Utilisateur.equipe_id).where(Utilisateur.id == utilisateur_id))


# -- funders' reports (point 6) ---------------------------------------------------------------------
def participants_fse(session: Session, ctx: Contexte) -> list:
    """The participants who entered in the period (a parcours started in it, the first one if
    several), with what the FSE+ data at entry reads; ONE query."""
    from cipdesk.tableau.fse import Participant

    f = ctx.filtres
    # Each person's parcours begun in the period, ranked by start: the first is their entry (one
    # pass over them, instead of their earliest start joined back to their parcours).
    rang = func.row_number().over(partition_by=Parcours.personne_id, order_by=(Parcours.debut, Parcours.id))
    entree = (select(Parcours.personne_id, Parcours.id.label("parcours_id"), Parcours.dispositif_libelle,
                     Parcours.debut, rang.label("rang"))
              .join(Personne, Personne.id == Parcours.personne_id)
              .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Parcours.debut.between(f.debut, f.fin))
              .subquery())
    # the codes as text (what `cle_texte` would make of the enums): hundreds of rows
    lignes = session.execute(
        select(Personne.id, Personne.nom, Personne.prenom, type_coerce(Personne.sexe, String), Personne.date_naissance,
               type_coerce(Personne.niveau_formation, String), Personne.publics, entree.c.debut,
               entree.c.dispositif_libelle, Sortie.sortie_le, type_coerce(Personne.situation_marche_travail, String))
        .join(entree, entree.c.personne_id == Personne.id)
        .outerjoin(Sortie, Sortie.parcours_id == entree.c.parcours_id)
        .where(entree.c.rang == 1)
        .order_by(Personne.nom, Personne.prenom)).all()
    vus, participants = set(), []
    for pid, nom, prenom, sexe, naissance, niveau, publics, debut, dispositif, sortie, situation in lignes:
        if pid in vus:   # two parcours begun the same day: one participant
            continue
        vus.add(pid)
        participants.append(Participant(pid, nom, prenom, sexe or AUCUN, naissance, niveau or AUCUN,
                                        tuple(publics or ()), debut, dispositif, sortie, situation or AUCUN))
    return participants


def motifs_de_sortie(session: Session, ctx: Contexte) -> dict[str, int]:
    """Exits of the period counted by motive (ONE query), for the PLIE categories."""
    f = ctx.filtres
    return dict(session.execute(
        select(Sortie.motif, func.count()).join(Parcours, Parcours.id == Sortie.parcours_id)
        .join(Personne, Personne.id == Parcours.personne_id)
        .where(*personnes_retenues(ctx), *parcours_retenus(ctx), Sortie.sortie_le.between(f.debut, f.fin))
        .group_by(Sortie.motif)).all())


def sorties_plie_et_iae(session: Session, ctx: Contexte) -> tuple[dict[str, int], Chiffres]:
    """The period's exits counted by motive (PLIE categories) and the « sorties par catégorie »
    figures (IAE), from ONE query: that indicator's rows, grouped by category and motive."""
    ind = INDICATEURS["sorties_categorie"]
    sous = ind.lignes(ctx).subquery()
    motifs: dict[str, int] = {}
    resultat: dict[str, tuple] = {}
    for cle, motif, n in session.execute(
            select(sous.c.cle, Sortie.motif, func.count()).join(Sortie, Sortie.id == sous.c.objet_id)
            .group_by(sous.c.cle, Sortie.motif)):
        motifs[motif] = motifs.get(motif, 0) + n
        cle = cle_texte(cle)
        resultat[cle] = (resultat.get(cle, (0,))[0] + n, 0, None)
    return motifs, _assembler(ctx, ind, resultat)


# -- candidats au titre of the team (point 8) --------------------------------------------------------
@dataclass
class Candidat:
    utilisateur_id: uuid.UUID
    nom: str
    voie: str
    date_session: date | None
    competences_couvertes: int


def candidats_de_l_equipe(session: Session, utilisateur) -> list[Candidat]:
    """The team's candidats to the titre and how many competences (CP) of the referential their
    recorded activity evidences: the readiness of their dossier, never its content (ONE query).

    A competence is evidenced when one proof of it is not withdrawn: one `EXISTS` per CP code,
    each an index probe (proof by author and competence), instead of counting the distinct codes
    of all their proofs (thousands per candidat at a federation's scale, sorted then grouped)."""
    from cipdesk.comptes.models import ProfilCandidat
    from cipdesk.competences.models import PreuveCompetence
    from cipdesk.referentiel import CODES_COMPETENCES

    if utilisateur.equipe_id is None:
        return []
    prouvees = [case((exists().where(PreuveCompetence.utilisateur_id == Utilisateur.id,
                                     PreuveCompetence.competence_code == code,
                                     PreuveCompetence.structure_id == utilisateur.structure_id,
                                     PreuveCompetence.retiree_le.is_(None)), 1), else_=0)
                for code in CODES_COMPETENCES if code.startswith("CP")]
    lignes = session.execute(
        select(Utilisateur.id, Utilisateur.prenom, Utilisateur.nom, ProfilCandidat.voie, ProfilCandidat.date_session,
               sum(prouvees[1:], prouvees[0]))
        .join(ProfilCandidat, ProfilCandidat.utilisateur_id == Utilisateur.id)
        .where(Utilisateur.structure_id == utilisateur.structure_id, Utilisateur.equipe_id == utilisateur.equipe_id,
               Utilisateur.actif.is_(True))
        .order_by(Utilisateur.nom, Utilisateur.prenom)).all()
    return [Candidat(i, f"{p} {n}", voie.libelle, session_le, couvertes_n)
            for i, p, n, voie, session_le, couvertes_n in lignes]


# -- workload alerts raised by the conseillers (point 8; pratique's records) -------------------------
@dataclass(frozen=True)
class AlerteDeCharge:
    """What every view lists of an open workload alert: its author and figures (not its message)."""
    id: uuid.UUID
    auteur: str
    envoyee_le: object
    file_active: int
    norme: int
    entretiens_semaine: int
    en_retard: int


def alertes_de_charge_ouvertes(session: Session, utilisateur) -> list[AlerteDeCharge]:
    """The workload alerts the team's conseillers sent and the chef has not acknowledged yet,
    newest first (as `pratique.queries.alertes_de_charge(..., ouvertes=True)`), read as the
    columns the views show with their author's name: every view lists them, and whole records
    (alert and account, 30 columns) cost more to load than the small views' figures."""
    if utilisateur.equipe_id is None:
        return []
    return [AlerteDeCharge(i, f"{prenom} {nom}", *chiffres) for i, prenom, nom, *chiffres in session.execute(
        _requete_des_alertes_de_charge(), {"structure_id": utilisateur.structure_id, "equipe_id": utilisateur.equipe_id})]


@functools.cache
def _requete_des_alertes_de_charge():
    # Built once (a constant: its cache key, the tenant net's restriction included, is computed once).
    from cipdesk.pratique.prevention.models import AlerteCharge

    return (select(AlerteCharge.id, Utilisateur.prenom, Utilisateur.nom, AlerteCharge.envoyee_le,
                   AlerteCharge.file_active, AlerteCharge.norme, AlerteCharge.entretiens_semaine, AlerteCharge.en_retard)
            .join(Utilisateur, Utilisateur.id == AlerteCharge.auteur_id)
            .where(AlerteCharge.structure_id == bindparam("structure_id"), AlerteCharge.equipe_id == bindparam("equipe_id"),
                   AlerteCharge.prise_en_compte_le.is_(None))
            .order_by(AlerteCharge.envoyee_le.desc()))
