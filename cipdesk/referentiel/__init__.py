"""Référentiels versionnés du titre professionnel CIP (TP-00403) : REAC/RC 2018 et titre révisé 2023."""

from __future__ import annotations

from .modele import ActiviteType, Competence, PartieDossier, Production, Referentiel
from .reac_2018 import REFERENTIEL_2018
from .titre_2023 import REFERENTIEL_2023

REFERENTIELS: dict[str, Referentiel] = {r.code: r for r in (REFERENTIEL_2018, REFERENTIEL_2023)}

REFERENTIEL_PAR_DEFAUT = "reac-2018"

# Les deux versions ont les mêmes codes de compétences, dans cet ordre : CP1..CP15 puis CT1.
CODES_COMPETENCES: tuple[str, ...] = REFERENTIEL_2018.codes_competences


def get_referentiel(code: str = REFERENTIEL_PAR_DEFAUT) -> Referentiel:
    """Référentiel de ce code ; KeyError si le code est inconnu."""
    return REFERENTIELS[code]


def libelle_competence(code: str, referentiel_code: str = REFERENTIEL_PAR_DEFAUT) -> str:
    """« CP6 — Contractualiser et suivre avec la personne son parcours d'insertion professionnelle »."""
    return get_referentiel(referentiel_code).competence(code).libelle


__all__ = [
    "ActiviteType",
    "CODES_COMPETENCES",
    "Competence",
    "PartieDossier",
    "Production",
    "REFERENTIELS",
    "REFERENTIEL_2018",
    "REFERENTIEL_2023",
    "REFERENTIEL_PAR_DEFAUT",
    "Referentiel",
    "get_referentiel",
    "libelle_competence",
]
