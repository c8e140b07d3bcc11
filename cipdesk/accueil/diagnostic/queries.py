"""Queries of the diagnostic partagé: versions, the structure's dimensions, the
freins other modules need (contract re-exported by accueil/queries.py), and the
diagnostic part of the person's timeline."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.accueil.diagnostic import rules
from cipdesk.accueil.diagnostic.models import Diagnostic, ModeValidation, StatutDiagnostic
from cipdesk.core import listes
from cipdesk.core.contrat import Evenement, SourceDeChronologie


def dimensions_de_la_structure(session: Session, structure_id: uuid.UUID) -> list[tuple[str, str]]:
    """(code, label) of the structure's active dimensions (its edited list, or the defaults)."""
    return listes.valeurs_actives(session, structure_id, rules.DIMENSIONS.code)


def versions(session: Session, personne_id: uuid.UUID) -> list[Diagnostic]:
    """All versions of the person's diagnostic, oldest first, dimensions loaded (one query: a few
    versions of a dozen dimensions each)."""
    return list(session.scalars(select(Diagnostic).where(Diagnostic.personne_id == personne_id)
                                .options(joinedload(Diagnostic.dimensions))
                                .order_by(Diagnostic.numero)).unique())


def etats(diagnostic: Diagnostic) -> list[rules.EtatDimension]:
    return [rules.EtatDimension(d.dimension_code, d.dimension_libelle, d.situation, d.atouts,
                                d.atout_niveau, d.freins, d.frein_niveau, d.besoins)
            for d in diagnostic.dimensions]


@dataclass(frozen=True)
class FreinResume:
    """A frein of the person's latest validated diagnostic, as other modules
    (parcours: « chaque étape dit à quel frein elle répond ») need it."""

    dimension_code: str     # e.g. "mobilite"
    dimension_libelle: str  # e.g. "Mobilité"
    niveau: int             # 0 (levé) … 3 (bloquant)
    libelle: str            # the frein as written in the diagnostic
    ouvert: bool            # still to be worked on


def freins_du_dernier_diagnostic(session: Session, personne_id: uuid.UUID) -> list[FreinResume]:
    """CONTRACT used by the parcours module: the freins of the latest VALIDATED
    version of the person's diagnostic (a draft is not shared yet)."""
    # one query: the latest validated version (a subquery) with its dimensions
    dernier = select(Diagnostic.id).where(Diagnostic.personne_id == personne_id,
                                          Diagnostic.statut == StatutDiagnostic.VALIDE) \
        .order_by(Diagnostic.numero.desc()).limit(1).scalar_subquery()
    diagnostic = session.scalars(select(Diagnostic).where(Diagnostic.id == dernier)
                                 .options(joinedload(Diagnostic.dimensions))).unique().first()
    if diagnostic is None:
        return []
    return [FreinResume(d.dimension_code, d.dimension_libelle, d.frein_niveau,
                        d.freins or d.dimension_libelle, d.frein_niveau > 0)
            for d in diagnostic.dimensions if d.frein_niveau > 0 or d.freins.strip()]


def _diagnostics(personne_id, lecteur_id):  # noqa: ARG001
    return select(Diagnostic.numero.label("n"), Diagnostic.statut.label("texte"), Diagnostic.valide_le.label("le2"),
                  Diagnostic.date_diagnostic.label("le"), Diagnostic.updated_at.label("saisi2"),
                  Diagnostic.created_at.label("saisi"), Diagnostic.validation_mode.label("texte2"),
                  Diagnostic.personne_id.label("objet_id")).where(Diagnostic.personne_id == personne_id)


def _lire_diagnostics(lignes, session, lecteur) -> list[Evenement]:
    evenements = []
    for d in lignes:
        params = (("personne_id", d.objet_id),)
        if d.texte == StatutDiagnostic.VALIDE.value:
            evenements.append(Evenement(d.le2, d.saisi2, "diagnostic", f"Diagnostic partagé, version {d.n} validée",
                                        ModeValidation(d.texte2).libelle if d.texte2 else "",
                                        "accueil.diagnostic.voir", params))
        else:
            evenements.append(Evenement(d.le, d.saisi, "diagnostic", f"Diagnostic partagé, version {d.n} en cours",
                                        "pas encore validée avec la personne", "accueil.diagnostic.voir", params))
    return evenements


# Every version of the diagnostic, validated or in progress (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_diagnostics, _lire_diagnostics)
