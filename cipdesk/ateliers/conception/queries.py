"""Queries of the design: the needs of the caseload, the loader's guard."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from cipdesk.accueil.diagnostic.models import Diagnostic, DiagnosticDimension, StatutDiagnostic
from cipdesk.comptes.models import Utilisateur
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy


def garde_atelier(_session: Session, utilisateur, _objet, modifier: bool) -> bool:
    """Any record of the design or a session (not a participant's): the structure's
    conseillers write, its chef de service reads."""
    return policy.peut(utilisateur, "ateliers.animer") if modifier else policy.peut(utilisateur, "ateliers.voir")


@dataclass(frozen=True)
class Besoin:
    dimension_code: str
    dimension_libelle: str
    personnes: int


def perimetre_des_besoins(utilisateur) -> policy.Perimetre:
    """Needs are figures, never names: a conseiller sees those of their team's caseloads
    (the example of the issue: « de la file active de l'équipe »), a chef de service of their team."""
    if utilisateur.equipe_id is not None and policy.peut(utilisateur, "ateliers.voir"):
        return policy.Perimetre("equipe", utilisateur.structure_id, utilisateur.equipe_id)
    return policy.perimetre(utilisateur)


def besoins_de_la_file_active(session: Session, utilisateur) -> list[Besoin]:
    """Open freins of the latest validated diagnostic of each person of the perimeter,
    counted by dimension (REAC CP9 : « L'analyse de la demande ou l'identification des
    besoins est pertinente »). One query."""
    perimetre = perimetre_des_besoins(utilisateur)
    dernier = (select(Diagnostic.personne_id, func.max(Diagnostic.numero).label("numero"))
               .where(Diagnostic.statut == StatutDiagnostic.VALIDE, Diagnostic.structure_id == utilisateur.structure_id)
               .group_by(Diagnostic.personne_id).subquery())
    lignes = session.execute(
        select(DiagnosticDimension.dimension_code, func.min(DiagnosticDimension.dimension_libelle),
               func.count(distinct(Diagnostic.personne_id)))
        .join(Diagnostic, Diagnostic.id == DiagnosticDimension.diagnostic_id)
        .join(dernier, (dernier.c.personne_id == Diagnostic.personne_id) & (dernier.c.numero == Diagnostic.numero))
        .join(Personne, Personne.id == Diagnostic.personne_id)
        .where(DiagnosticDimension.frein_niveau > 0, perimetre.condition(Personne, Utilisateur),
               Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .group_by(DiagnosticDimension.dimension_code)).all()
    return sorted((Besoin(code, libelle, n) for code, libelle, n in lignes), key=lambda b: (-b.personnes,
                                                                                              b.dimension_libelle))
