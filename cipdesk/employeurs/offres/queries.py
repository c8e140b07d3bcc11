"""Lists of fiches de poste and offers (shared within the structure)."""
from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.core.contrat import CibleDeLien
from cipdesk.employeurs.offres.models import FicheDePoste, JustificationOffre, Offre
from cipdesk.employeurs.offres.rules import StatutOffre


def offres(structure_id, *, statuts: tuple[StatutOffre, ...] | None = None) -> Select:
    requete = (select(Offre).where(Offre.structure_id == structure_id)
               .options(joinedload(Offre.entreprise)).order_by(Offre.ouverte_le.desc()))
    if statuts:
        requete = requete.where(Offre.statut.in_(statuts))
    return requete


def offres_de_l_entreprise(session: Session, entreprise_id) -> list[Offre]:
    return list(session.scalars(select(Offre).where(Offre.entreprise_id == entreprise_id)
                                .order_by(Offre.ouverte_le.desc())))


def fiches_de_l_entreprise(session: Session, entreprise_id) -> list[FicheDePoste]:
    return list(session.scalars(select(FicheDePoste).where(FicheDePoste.entreprise_id == entreprise_id)
                                .order_by(FicheDePoste.entretien_le.desc())))


def offre_complete(session: Session, offre_id) -> Offre | None:
    """The offer with its fiche, its employer and its justifications (and who wrote each) in
    ONE query: an offer has a handful of justifications at most."""
    return session.scalars(select(Offre).where(Offre.id == offre_id).options(
        joinedload(Offre.entreprise), joinedload(Offre.fiche),
        joinedload(Offre.justifications).joinedload(JustificationOffre.par))).unique().one_or_none()


def cibles_de_veille(session: Session, utilisateur) -> list[CibleDeLien]:
    """The structure's latest offers, to link a fiche de veille to (issue #15)."""
    return [CibleDeLien("offre_emploi", o.id, f"Offre « {o.intitule} »")
            for o in session.scalars(select(Offre).where(Offre.structure_id == utilisateur.structure_id)
                                     .order_by(Offre.ouverte_le.desc()).limit(30))]
