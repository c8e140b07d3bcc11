"""One model of the test-only module: a confidential text about a person, in a metadata of
its own (its table is created and dropped by the test, never by the migrations)."""
from __future__ import annotations

import uuid

from sqlalchemy import LargeBinary, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from cipdesk.core.db import new_id
from cipdesk.security.chiffrement import TexteConfidentiel


class BaseFactice(DeclarativeBase):
    pass


class Confidence(BaseFactice):
    __tablename__ = "confidence_factice"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    structure_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    auteur_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    titre: Mapped[str] = mapped_column(String(200), default="")
    recit_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    recit = TexteConfidentiel()
