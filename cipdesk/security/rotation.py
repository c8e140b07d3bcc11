"""`cipdesk keys rotate` and `cipdesk keys retire`.

Rotation adds a new active data key per structure, then re-encrypts every
confidential field in batches, each batch committed. It is resumable: a rerun
skips rows already under the active key, and never reads a value it cannot
write back identical (each value is checked after re-encryption).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.db import Base
from cipdesk.security import keys
from cipdesk.security.chiffrement import CHAMPS_CONFIDENTIELS, aad_ligne, donnees_associees


@dataclass
class BilanRotation:
    nouvelles_cles: int = 0
    reecrits: int = 0
    deja_a_jour: int = 0


def _dek_actives(session: Session) -> dict:
    return {
        ligne.structure_id: ligne.id
        for ligne in session.scalars(select(keys.CleDonnees).where(keys.CleDonnees.active.is_(True)))
    }


def rotation(session: Session, *, nouvelles_cles: bool = True, taille_lot: int = 500,
             commit: Callable[[], None] | None = None,
             progression: Callable[[str], None] = lambda _m: None) -> BilanRotation:
    coffre = keys.coffre()
    bilan = BilanRotation()
    if nouvelles_cles:
        structures = Base.metadata.tables["structure"]  # by name: the security layer imports no domain
        for structure_id in session.scalars(select(structures.c.id)):
            coffre.creer_dek(session, structure_id)
            bilan.nouvelles_cles += 1
        if commit:
            commit()
    actives = _dek_actives(session)
    for champ in CHAMPS_CONFIDENTIELS:
        model = champ.model
        colonne = getattr(model, champ.colonne)
        dernier = None
        while True:
            requete = select(model).where(colonne.is_not(None)).order_by(model.id).limit(taille_lot)
            if dernier is not None:
                requete = requete.where(model.id > dernier)
            lot = session.scalars(requete).all()
            if not lot:
                break
            for obj in lot:
                blob = getattr(obj, champ.colonne)
                if keys.Coffre.dek_id_de(blob) == actives.get(obj.structure_id):
                    bilan.deja_a_jour += 1
                    continue
                aad = donnees_associees(obj, champ.nom)
                texte = coffre.dechiffrer(session, aad=aad, blob=blob)
                nouveau = coffre.chiffrer(session, structure_id=obj.structure_id, aad=aad, texte=texte)
                if coffre.dechiffrer(session, aad=aad, blob=nouveau) != texte:  # never lose a value
                    raise keys.Indechiffrable(f"vérification échouée pour {obj.id}")
                setattr(obj, champ.colonne, nouveau)
                bilan.reecrits += 1
            dernier = lot[-1].id
            session.flush()
            if commit:
                commit()
            progression(f"{model.__tablename__}.{champ.nom} : {bilan.reecrits} réchiffré(s)")
    return bilan


def cles_retirables(session: Session) -> list[keys.CleDonnees]:
    """Inactive DEKs that no row uses any more."""
    inactives = session.scalars(select(keys.CleDonnees).where(
        keys.CleDonnees.active.is_(False), keys.CleDonnees.cle_enveloppee.is_not(None))).all()
    encore_utilisees = set()
    for champ in CHAMPS_CONFIDENTIELS:
        for blob in session.scalars(select(getattr(champ.model, champ.colonne)).where(
                getattr(champ.model, champ.colonne).is_not(None))):
            encore_utilisees.add(keys.Coffre.dek_id_de(blob))
    return [c for c in inactives if c.id not in encore_utilisees]


def retirer(session: Session) -> list[keys.CleDonnees]:
    """Destroy the wrapped material of DEKs no row uses any more."""
    retirees = cles_retirables(session)
    for cle in retirees:
        cle.cle_enveloppee = None
        cle.retiree_le = keys.utcnow()
        keys.coffre().oublier(cle.id)
    session.flush()
    return retirees


@dataclass
class BilanVerification:
    lus: int = 0
    # (table, field, row id, reason) of every value that does not decrypt
    defauts: list[tuple[str, str, object, str]] = field(default_factory=list)


def verifier_valeurs(session: Session, *, taille_lot: int = 500) -> BilanVerification:
    """Decrypt every confidential value (notes and every field of champs_chiffres):
    a tampered, misplaced or orphaned blob is reported, never fixed. Reads plain
    rows (no ORM objects), in batches, so memory stays flat."""
    bilan = BilanVerification()
    coffre = keys.coffre()
    for champ in CHAMPS_CONFIDENTIELS:
        model = champ.model
        colonne = getattr(model, champ.colonne)
        dernier = None
        while True:
            requete = (select(model.id, model.structure_id, colonne)
                       .where(colonne.is_not(None)).order_by(model.id).limit(taille_lot))
            if dernier is not None:
                requete = requete.where(model.id > dernier)
            lot = session.execute(requete).all()
            if not lot:
                break
            for ident, structure_id, blob in lot:
                bilan.lus += 1
                try:
                    coffre.dechiffrer(session, blob=blob,
                                      aad=aad_ligne(structure_id, model.__tablename__, champ.nom, ident))
                except (keys.Indechiffrable, keys.CleIntrouvable) as exc:
                    bilan.defauts.append((model.__tablename__, champ.nom, ident, str(exc)))
            dernier = lot[-1][0]
    return bilan
