"""Login throttling rule (SECURITY.md: per account and per address, shared
between workers; OWASP "Blocking Brute Force Attacks" and "Slow down online
guessing attacks with device cookies"). Pure: the caller counts failures in the
database and passes them in.

Throttling must never let an attacker keep the real user out (issue #10, point 3):
- failures are counted per account × address, so failures from elsewhere do
  not hold the account at the user's address;
- a browser that already logged in to the account (signed device cookie) is
  counted on its own and ignores every other counter;
- the two wide counters (one account from every address, one address over every
  account) only apply to browsers the account does not know;
- no lock: growing delays counted from the last *counted* failure; an attempt
  refused because of a delay is not a failure and never lengthens it;
- an admin can unlock an account (failures before that no longer count).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limites:
    # free failures of one account from one address (or from one known browser)
    par_compte: int = 5
    # free failures from one address over every account, in the window (unknown browsers)
    par_adresse: int = 20
    # free failures on one account from every address, in the window (unknown browsers)
    par_compte_toutes_adresses: int = 50
    fenetre_minutes: int = 15
    delai_initial_secondes: int = 30
    delai_max_minutes: int = 15
    # consecutive failures of an account × address older than this are forgotten
    memoire_heures: int = 24


@dataclass(frozen=True)
class Echecs:
    """The failures a counter holds: how many, and when the last one happened."""

    nombre: int = 0
    dernier: datetime | None = None


def delai(echecs: int, seuil: int, limites: Limites) -> timedelta:
    """Zero below the threshold, then 30 s, 1 min, 2 min… up to 15 min."""
    if echecs < seuil:
        return timedelta(0)
    secondes = limites.delai_initial_secondes * 2 ** min(echecs - seuil, 16)
    return min(timedelta(seconds=secondes), timedelta(minutes=limites.delai_max_minutes))


def _reste(echecs: Echecs, seuil: int, maintenant: datetime, limites: Limites) -> timedelta:
    if echecs.dernier is None:
        return timedelta(0)
    return max(timedelta(0), echecs.dernier + delai(echecs.nombre, seuil, limites) - maintenant)


def attente(*, poste: Echecs, compte: Echecs | None, adresse: Echecs | None,
            maintenant: datetime, limites: Limites) -> timedelta:
    """How long before a new attempt may be checked (zero: now).

    `poste`: consecutive failures of this account from this address, or from this
    known browser. `compte` and `adresse`: the wide counters over the window, None
    for a browser the account knows."""
    restes = [_reste(poste, limites.par_compte, maintenant, limites)]
    if compte is not None:
        restes.append(_reste(compte, limites.par_compte_toutes_adresses, maintenant, limites))
    if adresse is not None:
        restes.append(_reste(adresse, limites.par_adresse, maintenant, limites))
    return max(restes)


def _duree(attente_: timedelta) -> str:
    secondes = math.ceil(attente_.total_seconds())
    if secondes < 60:
        return f"{secondes} seconde{'s' if secondes > 1 else ''}"
    minutes = math.ceil(secondes / 60)
    return f"{minutes} minute{'s' if minutes > 1 else ''}"


def message_attente(attente_: timedelta, *, appareil_connu: bool) -> str:
    """The French message of a refused attempt."""
    message = ("Trop de tentatives de connexion infructueuses. Par sécurité, réessayez dans "
               f"{_duree(attente_)}.")
    if not appareil_connu:
        message += (" Depuis un navigateur où vous vous êtes déjà connecté·e à votre compte, la "
                    "connexion reste possible.")
    return message + " Votre administrateur peut aussi débloquer votre compte."
