"""The prospection action's figures: the ★ caseload's ROME targets (from cipdesk's own
parcours), and the actuals of its indicators (from the CRM over its period)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from cipdesk.employeurs.candidatures.models import TransitionCandidature
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.interactions.models import Interaction
from cipdesk.employeurs.interactions.rules import NatureInteraction
from cipdesk.employeurs.offres.models import Offre
from cipdesk.employeurs.prospection.models import ActionProspection


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
        .where(Parcours.structure_id == structure_id, Parcours.statut == ouvert,
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
    return {
        "contacts": session.scalar(select(func.count()).select_from(Interaction).where(*periode)),
        "visites": session.scalar(select(func.count()).select_from(Interaction).where(
            *periode, Interaction.nature == NatureInteraction.VISITE)),
        "offres": session.scalar(select(func.count()).select_from(Offre).where(
            Offre.structure_id == s, Offre.ouverte_le >= du, Offre.ouverte_le <= au)),
        "placements": session.scalar(select(func.count()).select_from(TransitionCandidature).where(
            TransitionCandidature.structure_id == s, TransitionCandidature.vers == EtatCandidature.EMBAUCHE,
            TransitionCandidature.le >= du, TransitionCandidature.le <= au)),
    }


def actions(session: Session, structure_id) -> list[ActionProspection]:
    return list(session.scalars(select(ActionProspection).where(ActionProspection.structure_id == structure_id)
                                .order_by(ActionProspection.debut.desc())))


def planning(action: ActionProspection, aujourd_hui: date) -> dict:
    """Where today stands in the action's period (for the timeline and its table)."""
    duree = max((action.fin - action.debut).days, 1)
    ecoule = min(max((aujourd_hui - action.debut).days, 0), duree)
    return {"duree": duree, "ecoule": ecoule, "pourcentage": round(100 * ecoule / duree)}
