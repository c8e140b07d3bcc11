"""A document attached to a person, or to one of their records (issue #18, point 11):
a CV, a justificatif, a signed contract scanned.

Stored in the database, encrypted like a confidential note (security.chiffrement): the
content is bound to its row (structure, table, column, id), travels with the database's
backups and transactions (a document and its audit line are written together or not at
all), is re-encrypted by `cipdesk keys rotate`, checked by `cipdesk keys verify`, and is
never a file a web server could serve. The cost: the blob is the base64 of the file
(+33 %) — a bounded cost under the size limit (rules.TAILLE_MAX_PAR_DEFAUT)."""
from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import Base, StructureScoped, Timestamps, UuidPk
from cipdesk.security.chiffrement import TexteConfidentiel


class DocumentJoint(UuidPk, StructureScoped, Timestamps, Base):
    __tablename__ = "document_joint"

    personne_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    # The record it belongs to (an entretien, a parcours…), empty when it is the person's own.
    objet_type: Mapped[str] = mapped_column(String(60), default="")
    objet_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    nature: Mapped[str] = mapped_column(String(30))           # rules.NATURES
    type_mime: Mapped[str] = mapped_column(String(60))        # recognised from the content (rules)
    taille: Mapped[int] = mapped_column(Integer)              # octets of the file itself
    depose_par_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("utilisateur.id"))
    # The file name as uploaded (often « CV Martin Léa.pdf »: identifying), encrypted.
    nom_fichier_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    nom_fichier = TexteConfidentiel()
    # base64 of the file, encrypted; deferred: a list of documents never loads their content.
    contenu_chiffre: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    contenu = TexteConfidentiel()

    depose_par: Mapped[Utilisateur] = relationship()
