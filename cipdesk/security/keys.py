"""Key handling behind one small interface (SECURITY.md, envelope encryption).

- The key-encryption key (KEK) never lives in the database: it comes from the
  environment (`CIPDESK_KEK`, development) or a key file (`CIPDESK_KEK_FILE`,
  a compose secret in production). A KEK is named by a hash of itself, so a
  wrong key is recognised as "missing", never used.
- Each structure has data keys (DEK), stored in the database *wrapped* by the
  KEK. Exactly one DEK per structure is active; older ones stay until every
  row has been re-encrypted (`cipdesk keys rotate`), then can be retired.
- Ciphertexts: `version(1) | dek id(16) | nonce(12) | ciphertext+tag`, AES-256-GCM
  with associated data naming the row, so a blob copied elsewhere fails.
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Boolean, DateTime, ForeignKey, LargeBinary, String, Uuid, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from cipdesk.core.db import Base, UuidPk, utcnow

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_HEADER = 1 + 16 + 12


class CleIntrouvable(RuntimeError):
    """The key needed is not available: wrong or missing KEK, retired DEK."""


class Indechiffrable(Exception):
    """A ciphertext failed authentication (wrong row, tampering, wrong key)."""


class CleDonnees(UuidPk, Base):
    """A data key of a structure, wrapped by a KEK. Never holds a clear key."""

    __tablename__ = "cle_donnees"

    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("structure.id"), index=True)
    kek_id: Mapped[str] = mapped_column(String(40))
    cle_enveloppee: Mapped[bytes | None] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    retiree_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


def kek_id(cle: bytes) -> str:
    return "kek-" + hashlib.sha256(b"cipdesk-kek-id" + cle).hexdigest()[:16]


@dataclass
class TrousseauKek:
    """The KEKs available to this process; the first is the active one."""

    cles: dict[str, bytes] = field(default_factory=dict)
    active_id: str = ""

    def ajouter(self, cle: bytes, *, active: bool = False) -> str:
        if len(cle) != 32:
            raise CleIntrouvable("Une clé de chiffrement (KEK) doit faire 32 octets.")
        ident = kek_id(cle)
        self.cles[ident] = cle
        if active or not self.active_id:
            self.active_id = ident
        return ident

    def cle(self, ident: str) -> bytes:
        try:
            return self.cles[ident]
        except KeyError:
            raise CleIntrouvable(
                f"La clé maîtresse {ident} n'est pas disponible : vérifiez CIPDESK_KEK ou "
                "CIPDESK_KEK_FILE (sans elle, les données chiffrées sont illisibles)."
            ) from None


def _decode(texte: str) -> bytes:
    return base64.urlsafe_b64decode(texte.strip().encode())


def nouvelle_cle_b64() -> str:
    return base64.urlsafe_b64encode(AESGCM.generate_key(bit_length=256)).decode()


def lire_fichier_kek(path: Path) -> TrousseauKek:
    """The key file holds JSON {"active": id, "keys": [base64, …]}."""
    data = json.loads(path.read_text())
    trousseau = TrousseauKek()
    for texte in data["keys"]:
        trousseau.ajouter(_decode(texte))
    if data.get("active"):
        trousseau.active_id = data["active"]
        trousseau.cle(trousseau.active_id)
    return trousseau


def ecrire_fichier_kek(path: Path, trousseau: TrousseauKek) -> None:
    from cipdesk.core.config import creer_dossier_prive

    creer_dossier_prive(path.parent)  # 0700 (issue #10, point 7); the file itself is 0400
    contenu = {
        "active": trousseau.active_id,
        "keys": [base64.urlsafe_b64encode(c).decode() for c in trousseau.cles.values()],
    }
    tmp = path.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(contenu, fh)
    os.replace(tmp, path)
    path.chmod(0o400)


def charger_trousseau(*, env_value: str | None, file_path: str | None, creer: bool) -> TrousseauKek:
    """KEKs from the environment (comma-separated, first active) or the key file."""
    if env_value:
        trousseau = TrousseauKek()
        for i, texte in enumerate(env_value.split(",")):
            trousseau.ajouter(_decode(texte), active=(i == 0))
        return trousseau
    if not file_path:
        raise CleIntrouvable("Aucune clé maîtresse : définissez CIPDESK_KEK ou CIPDESK_KEK_FILE.")
    path = Path(file_path)
    if path.exists():
        return lire_fichier_kek(path)
    if not creer:
        raise CleIntrouvable(f"Fichier de clé maîtresse introuvable : {path}")
    trousseau = TrousseauKek()
    trousseau.ajouter(AESGCM.generate_key(bit_length=256))
    ecrire_fichier_kek(path, trousseau)
    log.warning(
        "ATTENTION : une nouvelle clé maîtresse a été créée dans %s. Sans elle, les notes "
        "confidentielles sont définitivement illisibles : gardez-en deux copies scellées hors "
        "ligne, jamais dans la base ni dans une sauvegarde de la base.", path)
    return trousseau


class Coffre:
    """Encrypts and decrypts with the structure's data keys."""

    def __init__(self, trousseau: TrousseauKek):
        self.trousseau = trousseau
        self._deks: dict[uuid.UUID, bytes] = {}

    # -- data keys -------------------------------------------------------------
    @staticmethod
    def _aad_dek(dek_id: uuid.UUID, structure_id: uuid.UUID) -> bytes:
        return f"cipdesk:dek:{dek_id}:{structure_id}".encode()

    def _envelopper(self, dek_id, structure_id, dek: bytes) -> tuple[str, bytes]:
        ident = self.trousseau.active_id
        nonce = os.urandom(12)
        aad = self._aad_dek(dek_id, structure_id)
        return ident, nonce + AESGCM(self.trousseau.cle(ident)).encrypt(nonce, dek, aad)

    def _desenvelopper(self, ligne: CleDonnees) -> bytes:
        if ligne.cle_enveloppee is None:
            raise CleIntrouvable(f"La clé de données {ligne.id} a été retirée.")
        kek = self.trousseau.cle(ligne.kek_id)
        blob = ligne.cle_enveloppee
        try:
            return AESGCM(kek).decrypt(blob[:12], blob[12:], self._aad_dek(ligne.id, ligne.structure_id))
        except InvalidTag:
            raise CleIntrouvable(f"La clé de données {ligne.id} ne peut pas être ouverte.") from None

    def creer_dek(self, session: Session, structure_id: uuid.UUID) -> CleDonnees:
        """Add a new active DEK for the structure; older ones become inactive."""
        for ancienne in session.scalars(select(CleDonnees).where(
                CleDonnees.structure_id == structure_id, CleDonnees.active.is_(True))):
            ancienne.active = False
        dek = AESGCM.generate_key(bit_length=256)
        ligne = CleDonnees(id=uuid.uuid4(), structure_id=structure_id, active=True)
        ligne.kek_id, ligne.cle_enveloppee = self._envelopper(ligne.id, structure_id, dek)
        session.add(ligne)
        # Inside a flush (a TexteConfidentiel sealed by the before_flush hook), the new
        # key joins the flush under way; elsewhere it is written now.
        if not getattr(session, "_flushing", False):
            session.flush()
        self._deks[ligne.id] = dek
        return ligne

    def dek_active(self, session: Session, structure_id: uuid.UUID) -> tuple[uuid.UUID, bytes]:
        # Looked up at every encryption (not cached) so that a rotation done by
        # another process is followed at once by every worker.
        ligne = session.scalar(select(CleDonnees).where(
            CleDonnees.structure_id == structure_id, CleDonnees.active.is_(True)))
        if ligne is None:
            ligne = self.creer_dek(session, structure_id)
        return ligne.id, self._dek(session, ligne.id, ligne)

    def _dek(self, session: Session, dek_id: uuid.UUID, ligne: CleDonnees | None = None) -> bytes:
        if dek_id not in self._deks:
            ligne = ligne or session.get(CleDonnees, dek_id)
            if ligne is None:
                raise CleIntrouvable(f"Clé de données {dek_id} inconnue.")
            self._deks[dek_id] = self._desenvelopper(ligne)
        return self._deks[dek_id]

    def oublier(self, dek_id: uuid.UUID) -> None:
        self._deks.pop(dek_id, None)

    def reenvelopper(self, session: Session) -> int:
        """KEK rotation: wrap every DEK again under the active KEK."""
        n = 0
        for ligne in session.scalars(select(CleDonnees).where(CleDonnees.cle_enveloppee.is_not(None))):
            if ligne.kek_id != self.trousseau.active_id:
                dek = self._desenvelopper(ligne)
                ligne.kek_id, ligne.cle_enveloppee = self._envelopper(ligne.id, ligne.structure_id, dek)
                n += 1
        session.flush()
        return n

    def verifier(self, session: Session) -> int:
        """Boot canary: every usable DEK must open with the KEKs at hand."""
        lignes = session.scalars(select(CleDonnees).where(CleDonnees.cle_enveloppee.is_not(None))).all()
        for ligne in lignes:
            self._desenvelopper(ligne)
        return len(lignes)

    # -- values ------------------------------------------------------------------
    def chiffrer(self, session: Session, *, structure_id: uuid.UUID, aad: bytes, texte: str) -> bytes:
        dek_id, dek = self.dek_active(session, structure_id)
        nonce = os.urandom(12)
        corps = AESGCM(dek).encrypt(nonce, texte.encode("utf-8"), aad)
        return bytes([FORMAT_VERSION]) + dek_id.bytes + nonce + corps

    def chiffreur(self, session: Session, structure_id: uuid.UUID):
        """For bulk loads: a function (aad, text) -> blob under the structure's
        active key, without one key lookup per value."""
        dek_id, dek = self.dek_active(session, structure_id)
        aead, entete = AESGCM(dek), bytes([FORMAT_VERSION]) + dek_id.bytes

        def chiffrer(aad: bytes, texte: str) -> bytes:
            nonce = os.urandom(12)
            return entete + nonce + aead.encrypt(nonce, texte.encode("utf-8"), aad)
        return chiffrer

    @staticmethod
    def dek_id_de(blob: bytes) -> uuid.UUID:
        return uuid.UUID(bytes=bytes(blob[1:17]))

    def dechiffrer(self, session: Session, *, aad: bytes, blob: bytes) -> str:
        blob = bytes(blob)
        if len(blob) < _HEADER + 16 or blob[0] != FORMAT_VERSION:
            raise Indechiffrable("format inconnu")
        dek = self._dek(session, self.dek_id_de(blob))
        try:
            return AESGCM(dek).decrypt(blob[17:29], blob[29:], aad).decode("utf-8")
        except InvalidTag:
            raise Indechiffrable("authentification échouée") from None


_coffre: Coffre | None = None


def configurer(coffre: Coffre) -> None:
    global _coffre
    _coffre = coffre


def coffre() -> Coffre:
    if _coffre is None:
        raise CleIntrouvable("Le coffre de clés n'est pas configuré.")
    return _coffre
