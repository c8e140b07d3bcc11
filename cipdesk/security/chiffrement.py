"""Confidential fields: the reusable mechanism every module uses.

A model declares a confidential field by a `<nom>_chiffre` LargeBinary column
and registers it with `champ_confidentiel(Model, "nom")`. Values are sealed and
opened through `sceller` / `ouvrir`, which know the row (structure, table,
column, id) and bind the ciphertext to it: a blob copied onto another row, or
another column, fails to decrypt.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from cipdesk.security import keys

log = logging.getLogger(__name__)

INDECHIFFRABLE = "contenu indéchiffrable"


@dataclass(frozen=True)
class ChampConfidentiel:
    model: type
    nom: str

    @property
    def colonne(self) -> str:
        return f"{self.nom}_chiffre"


CHAMPS_CONFIDENTIELS: list[ChampConfidentiel] = []


def champ_confidentiel(model: type, nom: str) -> None:
    """Register `model.<nom>_chiffre` as a confidential field (for rotation and tests)."""
    champ = ChampConfidentiel(model, nom)
    if not hasattr(model, champ.colonne):
        raise AttributeError(f"{model.__name__} n'a pas de colonne {champ.colonne}")
    if champ not in CHAMPS_CONFIDENTIELS:
        CHAMPS_CONFIDENTIELS.append(champ)


def donnees_associees(obj, nom: str) -> bytes:
    """Associated data: format version, structure, table, column and row id."""
    if obj.id is None or obj.structure_id is None:
        raise ValueError("La ligne doit avoir un id et une structure avant d'être chiffrée.")
    return f"cipdesk:v{keys.FORMAT_VERSION}:{obj.structure_id}:{obj.__tablename__}:{nom}:{obj.id}".encode()


def sceller(session: Session, obj, nom: str, texte: str | None) -> None:
    """Encrypt `texte` into `obj.<nom>_chiffre` (None clears it)."""
    if texte is None:
        setattr(obj, f"{nom}_chiffre", None)
        return
    blob = keys.coffre().chiffrer(
        session, structure_id=obj.structure_id, aad=donnees_associees(obj, nom), texte=texte
    )
    setattr(obj, f"{nom}_chiffre", blob)


def ouvrir(session: Session, obj, nom: str) -> str | None:
    """Decrypt the field. Raises keys.Indechiffrable on a tampered or misplaced blob."""
    blob = getattr(obj, f"{nom}_chiffre")
    if blob is None:
        return None
    return keys.coffre().dechiffrer(session, aad=donnees_associees(obj, nom), blob=blob)


def ouvrir_ou_signaler(session: Session, obj, nom: str) -> tuple[str | None, bool]:
    """For display: (text, True) or (INDECHIFFRABLE, False), logged, never a 500."""
    try:
        return ouvrir(session, obj, nom), True
    except (keys.Indechiffrable, keys.CleIntrouvable) as exc:
        log.error("Champ %s.%s de la ligne %s indéchiffrable : %s",
                  obj.__tablename__, nom, obj.id, exc)
        return INDECHIFFRABLE, False
