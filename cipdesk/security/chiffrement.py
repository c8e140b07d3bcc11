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
    return aad_ligne(obj.structure_id, obj.__tablename__, nom, obj.id)


def aad_ligne(structure_id, table: str, nom: str, ident) -> bytes:
    """The same associated data for a row known only as values (bulk loads, migrations)."""
    return f"cipdesk:v{keys.FORMAT_VERSION}:{structure_id}:{table}:{nom}:{ident}".encode()


def sceller_ligne(table: str, ligne: dict, chiffrer) -> dict:
    """For bulk inserts (Core, no ORM object): each clear field of `ligne` listed in
    champs_chiffres for `table` is replaced by its `<nom>_chiffre` blob, made by
    `chiffrer(aad, texte)` (Coffre.chiffreur). The row needs its id and structure_id."""
    import json

    from cipdesk.security.champs_chiffres import colonnes_par_table

    for nom in colonnes_par_table().get(table, ()):
        if nom not in ligne:
            continue
        valeur = ligne.pop(nom)
        if isinstance(valeur, dict):
            valeur = json.dumps(valeur, ensure_ascii=False) if valeur else ""
        ligne[f"{nom}_chiffre"] = (chiffrer(aad_ligne(ligne["structure_id"], table, nom, ligne["id"]), valeur)
                                   if valeur else None)
    return ligne


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


# -- transparent confidential text ------------------------------------------------------
class TexteConfidentiel:
    """A free-text attribute about a person, stored only encrypted.

        class Accueil(...):
            demande_exprimee_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
            demande_exprimee = TexteConfidentiel()

    Code reads and writes `accueil.demande_exprimee` as a plain `str`; the clear text
    lives only in the Python object. At flush, `_sceller_avant_flush` encrypts every
    changed value into `<nom>_chiffre`, bound to its row (structure, table, column, id:
    the id is made in Python before the first flush if need be). Reading decrypts on
    first access; a tampered or misplaced blob reads as « contenu indéchiffrable »
    (logged), never a 500. The column cannot be searched or sorted in SQL: only fields
    that need neither are declared so (see the repo's SECURITY.md)."""

    def __init__(self, *, json: bool = False) -> None:
        self.json = json  # a dict (e.g. the terms of a contract) stored as encrypted JSON

    def __set_name__(self, owner, nom: str) -> None:
        self.nom, self.colonne = nom, f"{nom}_chiffre"
        if not (issubclass(owner, TextesConfidentielsHerites) and "__tablename__" not in owner.__dict__):
            champ_confidentiel(owner, nom)
        # else: declared on a mixin (TextesConfidentielsHerites), registered for each mapped subclass
        if self.json:
            setattr(owner, "_json_confidentiels", {*getattr(owner, "_json_confidentiels", set()), nom})

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        clairs = obj.__dict__.setdefault("_clairs", {})
        if self.nom not in clairs:
            clairs[self.nom] = self._lire(obj)
        return clairs[self.nom]

    def __set__(self, obj, valeur) -> None:
        from sqlalchemy.orm.attributes import flag_modified, set_committed_value

        if self.json:
            valeur = dict(valeur or {})
        else:
            valeur = "" if valeur is None else str(valeur)
        obj.__dict__.setdefault("_clairs", {})[self.nom] = valeur
        obj.__dict__.setdefault("_a_sceller", set()).add(self.nom)
        etat = _etat(obj)
        if etat is not None and etat.persistent:
            if self.colonne not in etat.dict:
                # Expired: loaded; never set since the INSERT (so NULL): recorded as such.
                set_committed_value(obj, self.colonne, getattr(obj, self.colonne))
            flag_modified(obj, self.colonne)  # makes the row dirty so the flush hook sees it

    def _lire(self, obj):
        blob = getattr(obj, self.colonne)
        if blob is None:
            return {} if self.json else ""
        from sqlalchemy.orm import object_session

        session = object_session(obj)
        if session is None:
            raise keys.CleIntrouvable("Ligne détachée : impossible de déchiffrer sans session.")
        texte, ok = ouvrir_ou_signaler(session, obj, self.nom)
        if self.json:
            import json

            return json.loads(texte) if ok and texte else {}
        return texte or ""


class TextesConfidentielsHerites:
    """Base of a mixin that declares `TexteConfidentiel` fields shared by several models (an
    entretien and its versions): each mapped subclass registers them as its own."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "__tablename__" not in cls.__dict__:
            return
        for klass in cls.__mro__[1:]:
            for nom, valeur in vars(klass).items():
                if isinstance(valeur, TexteConfidentiel):
                    champ_confidentiel(cls, nom)


def _etat(obj):
    from sqlalchemy import inspect
    from sqlalchemy.exc import NoInspectionAvailable

    try:
        return inspect(obj)
    except NoInspectionAvailable:
        return None


def champs_confidentiels_de(model: type) -> list[str]:
    return [c.nom for c in CHAMPS_CONFIDENTIELS if c.model is model or issubclass(model, c.model)]


def _sceller_avant_flush(session: Session, _contexte, _instances) -> None:
    with session.no_autoflush:
        _sceller(session)


def _id_entier(obj) -> bool:
    """An autoincrement integer key is known only after the INSERT."""
    from sqlalchemy import Integer

    colonne = type(obj).__table__.c.get("id")
    return colonne is not None and isinstance(colonne.type, Integer)


def _sceller(session: Session) -> None:
    chiffreurs: dict = {}  # one key lookup per structure and flush, not per value
    for obj in list(session.new) + list(session.dirty):
        a_sceller = obj.__dict__.get("_a_sceller")
        if not a_sceller:
            continue
        if getattr(obj, "id", None) is None:
            if _id_entier(obj):
                # Sealed right after its INSERT (_sceller_apres_flush); the data key is
                # made now if need be, so that it joins this flush.
                keys.coffre().dek_active(session, obj.structure_id)
                continue
            from cipdesk.core.db import new_id

            obj.id = new_id()
        _sceller_obj(session, obj, chiffreurs)


def _sceller_apres_flush(session: Session, _contexte) -> None:
    """Rows with an integer key: the id now exists, the blobs are written by an
    UPDATE in the same transaction (the INSERT left them NULL)."""
    from sqlalchemy import update
    from sqlalchemy.orm.attributes import set_committed_value

    chiffreurs: dict = {}
    with session.no_autoflush:
        for obj in list(session.new):
            if not obj.__dict__.get("_a_sceller") or getattr(obj, "id", None) is None:
                continue
            noms = sorted(obj.__dict__["_a_sceller"])
            _sceller_obj(session, obj, chiffreurs)
            valeurs = {f"{nom}_chiffre": obj.__dict__.get(f"{nom}_chiffre") for nom in noms}
            table = type(obj).__table__
            session.connection().execute(update(table).where(table.c.id == obj.id).values(**valeurs))
            for colonne, blob in valeurs.items():
                set_committed_value(obj, colonne, blob)


def _sceller_obj(session: Session, obj, chiffreurs: dict) -> None:
    a_sceller = obj.__dict__["_a_sceller"]
    clairs = obj.__dict__["_clairs"]
    json_confidentiels = getattr(type(obj), "_json_confidentiels", set())
    for nom in sorted(a_sceller):
        texte = clairs.get(nom, "")
        if nom in json_confidentiels:
            import json

            texte = json.dumps(texte, ensure_ascii=False) if texte else ""
        # An empty text is stored as NULL: nothing to hide, nothing to decrypt.
        if not texte:
            setattr(obj, f"{nom}_chiffre", None)
            continue
        if obj.structure_id not in chiffreurs:
            chiffreurs[obj.structure_id] = keys.coffre().chiffreur(session, obj.structure_id)
        setattr(obj, f"{nom}_chiffre", chiffreurs[obj.structure_id](donnees_associees(obj, nom), texte))
    a_sceller.clear()


def _oublier_les_clairs(obj, *_args) -> None:
    """An expired or refreshed row must be read again from its ciphertext."""
    if obj is not None and "_clairs" in obj.__dict__ and not obj.__dict__.get("_a_sceller"):
        obj.__dict__["_clairs"].clear()


def installer_scellement() -> None:
    """Connect the flush hook and the cache invalidation once (every Session and mapper)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Mapper
    from sqlalchemy.orm import Session as _Session

    if not event.contains(_Session, "before_flush", _sceller_avant_flush):
        event.listen(_Session, "before_flush", _sceller_avant_flush)
        event.listen(_Session, "after_flush", _sceller_apres_flush)
        event.listen(Mapper, "expire", _oublier_les_clairs)
        event.listen(Mapper, "refresh", _oublier_les_clairs)


installer_scellement()
