"""What other modules may read from territoire (STYLE.md: a domain imports only another
domain's `models` and `queries`), for the certification dossier, part 1 (RC : « la
structure…, le territoire…, les acteurs internes et externes mobilisables »)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from cipdesk.territoire.partenaires.queries import repertoire
from cipdesk.territoire.profil import queries as profil
from cipdesk.territoire.profil.models import VersionTerritoire
from cipdesk.territoire.reseau import queries as reseau
from cipdesk.territoire.structure.models import ProfilStructure
from cipdesk.territoire.structure.queries import profil_de


def profil_de_la_structure(session: Session, structure_id) -> ProfilStructure | None:
    """Statut, missions, offre de services, financeurs, publics, modalités d'accueil, équipe (P1.1)."""
    return profil_de(session, structure_id)


def profil_du_territoire(session: Session, structure_id) -> VersionTerritoire | None:
    """The current version of the territory profile, figures with their source and date (P1.2)."""
    return profil.courante(session, structure_id)


@dataclass(frozen=True)
class DomaineResume:
    libelle: str
    partenaires: tuple[str, ...]     # names of organisations, no person
    orientations: int
    repondues: int
    acceptees: int
    manque: str


@dataclass(frozen=True)
class ReseauResume:
    """The network actually used (P1.3): by domain, with its gaps; counts only, nothing about people."""
    domaines: tuple[DomaineResume, ...]
    partenaires_actifs: int
    references_equipe: tuple[tuple[str, str], ...]   # (subject, professional's name)


def reseau_de_partenaires(session: Session, structure_id) -> ReseauResume:
    carte = reseau.cartographie(session, structure_id)
    return ReseauResume(
        domaines=tuple(DomaineResume(d.libelle, tuple(p.nom for p in d.partenaires), d.orientations, d.repondues,
                                     d.acceptees, d.manque) for d in carte),
        partenaires_actifs=sum(1 for p in repertoire(session, structure_id) if p.actif),
        references_equipe=tuple((r.sujet, r.utilisateur.nom_complet) for r in reseau.references(session, structure_id)))
