"""Password hashing (argon2id through argon2-cffi) and strength rules.

Rules follow current guidance (ANSSI / NIST SP 800-63B): length over
composition, and a refusal of guessable passwords measured by zxcvbn.
"""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

_hasher = PasswordHasher()  # argon2id with the library's current parameters

LONGUEUR_MIN = 12
LONGUEUR_MAX = 128
SCORE_MIN = 3  # zxcvbn 0..4


def hacher(mot_de_passe: str) -> str:
    return _hasher.hash(mot_de_passe)


def verifier(hash_: str, mot_de_passe: str) -> bool:
    try:
        return _hasher.verify(hash_, mot_de_passe)
    except (VerificationError, InvalidHashError):
        return False


def doit_rehacher(hash_: str) -> bool:
    return _hasher.check_needs_rehash(hash_)


# A hash to verify against when the account does not exist, so that the answer
# takes as long as for a real account.
HASH_LEURRE = _hasher.hash("cipdesk-compte-inexistant")


def problemes_mot_de_passe(mot_de_passe: str, *, contexte: list[str] | None = None) -> list[str]:
    """Return the reasons (in French) why a new password is refused; empty if accepted."""
    problemes = []
    if len(mot_de_passe) < LONGUEUR_MIN:
        problemes.append(f"Le mot de passe doit contenir au moins {LONGUEUR_MIN} caractères.")
    if len(mot_de_passe) > LONGUEUR_MAX:
        problemes.append(f"Le mot de passe ne doit pas dépasser {LONGUEUR_MAX} caractères.")
    if problemes:
        return problemes
    mots = [m.lower() for m in (contexte or []) if m] + ["cipdesk", "insertion", "conseiller"]
    minuscule = mot_de_passe.lower()
    if any(len(m) >= 3 and m.split("@")[0] in minuscule for m in mots):
        return ["Le mot de passe ne doit contenir ni votre nom, ni votre prénom, ni votre adresse, "
                "ni le nom de l'application."]
    resultat = zxcvbn(mot_de_passe, user_inputs=mots)
    if resultat["score"] < SCORE_MIN:
        problemes.append(
            "Ce mot de passe est trop facile à deviner (mot courant, suite de caractères, "
            "nom ou adresse). Préférez une phrase de plusieurs mots sans lien entre eux."
        )
    return problemes
