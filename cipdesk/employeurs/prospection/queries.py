"""The prospection action's figures: the ★ caseload's ROME targets (from cipdesk's own
parcours), and the actuals of its indicators (from the CRM over its period)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.employeurs.candidatures.models import TransitionCandidature
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.employeurs.interactions.rules import NatureInteraction
from cipdesk.employeurs.offres.models import Offre
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.prospection.models import ActionProspection, CibleProspection


@dataclass(frozen=True)
class MetierVise:
    rome_code: str
    libelle: str
    valides: int     # people whose projet is validated
    en_cours: int    # people whose projet is being worked on

    @property
    def total(self) -> int:
        return self.valides + self.en_cours


def metiers_vises(session: Session, structure_id) -> list[MetierVise]:
    """REAC CP12 « analyse … des projets professionnels des bénéficiaires »: which ROME
    métiers the projets of the structure's open parcours aim at, and how many people
    per métier (figures only, no names: the whole structure's caseload)."""
    # Cross-domain read, models only (parcours is the owner of projets).
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.projet.models import MetierExplore, Projet

    non_retenue = MetierExplore.faisabilite.type.enum_class("non_retenue")
    ouvert = Parcours.statut.type.enum_class("ouvert")
    lignes = session.execute(
        select(MetierExplore.rome_code, func.min(MetierExplore.libelle), Projet.valide_le.is_not(None),
               func.count(distinct(Parcours.personne_id)))
        .join(Projet, Projet.id == MetierExplore.projet_id).join(Parcours, Parcours.id == Projet.parcours_id)
        # Each row carries its structure: said of the three tables, the planner starts from the
        # structure's métiers and projets (indexes) instead of scanning every projet of the base.
        .where(MetierExplore.structure_id == structure_id, Projet.structure_id == structure_id,
               Parcours.structure_id == structure_id, Parcours.statut == ouvert,
               MetierExplore.faisabilite != non_retenue, MetierExplore.rome_code != "")
        .group_by(MetierExplore.rome_code, Projet.valide_le.is_not(None))).all()
    par_code: dict[str, dict] = {}
    for code, libelle, valide, n in lignes:
        d = par_code.setdefault(code, {"libelle": libelle, "valides": 0, "en_cours": 0})
        d["valides" if valide else "en_cours"] += n
    metiers = [MetierVise(code, d["libelle"], d["valides"], d["en_cours"]) for code, d in par_code.items()]
    return sorted(metiers, key=lambda m: (-m.total, m.rome_code))


def realises(session: Session, action: ActionProspection) -> dict[str, int]:
    """The actual of each indicator over the action's period, from the structure's records."""
    s, du, au = action.structure_id, action.debut, action.fin
    periode = (Interaction.structure_id == s, Interaction.le >= du, Interaction.le <= au)
    comptes = {
        "contacts": select(func.count()).select_from(Interaction).where(*periode),
        "visites": select(func.count()).select_from(Interaction).where(
            *periode, Interaction.nature == NatureInteraction.VISITE),
        "offres": select(func.count()).select_from(Offre).where(
            Offre.structure_id == s, Offre.ouverte_le >= du, Offre.ouverte_le <= au),
        "placements": select(func.count()).select_from(TransitionCandidature).where(
            TransitionCandidature.structure_id == s, TransitionCandidature.vers == EtatCandidature.EMBAUCHE,
            TransitionCandidature.le >= du, TransitionCandidature.le <= au),
    }
    # the four counts in one round trip (one scalar subquery each)
    ligne = session.execute(select(*(q.scalar_subquery().label(code) for code, q in comptes.items()))).one()
    return {code: ligne[i] for i, code in enumerate(comptes)}


def action_complete(session: Session, action_id) -> ActionProspection | None:
    """The action with its pilot and its indicators (four at most) in ONE query."""
    return session.scalars(select(ActionProspection).where(ActionProspection.id == action_id).options(
        joinedload(ActionProspection.pilote), joinedload(ActionProspection.indicateurs))).unique().one_or_none()


def cibles_nommees(session: Session, action_id) -> list:
    """The targeted employers as (entreprise_id, raison_sociale), by name, in one query."""
    return session.execute(select(CibleProspection.entreprise_id, Entreprise.raison_sociale)
                           .join(Entreprise, Entreprise.id == CibleProspection.entreprise_id)
                           .where(CibleProspection.action_id == action_id)
                           .order_by(Entreprise.nom_recherche, Entreprise.id)).all()


def actions(session: Session, structure_id) -> list[ActionProspection]:
    return list(session.scalars(select(ActionProspection).where(ActionProspection.structure_id == structure_id)
                                .order_by(ActionProspection.debut.desc())))


def planning(action: ActionProspection, aujourd_hui: date) -> dict:
    """Where today stands in the action's period (for the timeline and its table)."""
    duree = max((action.fin - action.debut).days, 1)
    ecoule = min(max((aujourd_hui - action.debut).days, 0), duree)
    return {"duree": duree, "ecoule": ecoule, "pourcentage": round(100 * ecoule / duree)}


@dataclass(frozen=True)
class SecteurSuggere:
    naf_code: str
    libelle: str
    embauches: int
    metiers: tuple[str, ...]   # the ROME codes hired for
    entreprises: tuple[tuple, ...] = ()   # (id, name) of the structure's employers in that sector, not yet targeted


def secteurs_suggeres(session: Session, action: ActionProspection, metiers: list[MetierVise], *,
                      ciblees: set | None = None) -> list[SecteurSuggere]:
    """★ REAC CP12 « La cible d'employeurs contactés est cohérente avec l'analyse réalisée »:
    the sectors (NAF) that already hired people for the métiers the caseload aims at, from
    cipdesk's own history (candidatures that ended in a hire), with the employers of those
    sectors in the base that the action does not target yet."""
    from cipdesk.employeurs.candidatures.models import Candidature
    from cipdesk.employeurs.entreprises.rules import libelle_naf
    from cipdesk.employeurs.offres.models import FicheDePoste

    codes = {m.rome_code for m in metiers}
    if not codes:
        return []
    embauche = Candidature.etat.type.enum_class("embauche")
    lignes = session.execute(
        select(Entreprise.naf_code, FicheDePoste.rome_code, func.count(Candidature.id))
        .join(Offre, Offre.id == Candidature.offre_id).join(FicheDePoste, FicheDePoste.id == Offre.fiche_id)
        .join(Entreprise, Entreprise.id == Offre.entreprise_id)
        .where(Candidature.structure_id == action.structure_id, Candidature.etat == embauche,
               FicheDePoste.rome_code.in_(codes), Entreprise.naf_code != "")
        .group_by(Entreprise.naf_code, FicheDePoste.rome_code)).all()
    par_naf: dict[str, list] = {}
    for naf, rome, n in lignes:
        d = par_naf.setdefault(naf, [0, set()])
        d[0] += n
        d[1].add(rome)
    if not par_naf:
        return []
    if ciblees is None:   # the ids of the targeted employers, unless the caller read them
        ciblees = {c.entreprise_id for c in action.cibles}
    candidates: dict[str, list] = {}
    for eid, nom, naf in session.execute(select(Entreprise.id, Entreprise.raison_sociale, Entreprise.naf_code).where(
            Entreprise.structure_id == action.structure_id, Entreprise.naf_code.in_(par_naf))
            .order_by(Entreprise.raison_sociale).limit(500)):
        if eid not in ciblees:
            candidates.setdefault(naf, []).append((eid, nom))
    return sorted((SecteurSuggere(naf, libelle_naf(naf) or naf, n, tuple(sorted(romes)), tuple(candidates.get(naf, [])[:5]))
                   for naf, (n, romes) in par_naf.items()), key=lambda s: (-s.embauches, s.naf_code))
