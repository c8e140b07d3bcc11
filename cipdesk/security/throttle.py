"""Login throttling rule (SECURITY.md: per account and per address, shared
between workers). Pure: the caller counts recent failures in the database."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limites:
    par_compte: int = 5
    par_adresse: int = 20
    fenetre_minutes: int = 15


def connexion_bloquee(echecs_compte: int, echecs_adresse: int, limites: Limites) -> str | None:
    """Return a French message if a new attempt must be refused, else None."""
    if echecs_compte >= limites.par_compte or echecs_adresse >= limites.par_adresse:
        return (
            "Trop de tentatives de connexion infructueuses. Par sécurité, réessayez dans "
            f"{limites.fenetre_minutes} minutes ou demandez à votre administrateur de "
            "réinitialiser votre mot de passe."
        )
    return None
