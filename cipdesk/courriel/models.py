"""The outbox: one row per message to send. Its content (address, subject, text, the
invitation) is encrypted like every text about a person, and wiped once sent or given up:
the row then only says what was sent, to whom (the person's id) and when."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, LargeBinary, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from cipdesk.core.db import Base, UuidPk, utcnow
from cipdesk.core.libelles import EnumLibelle, colonne_enum
from cipdesk.security.chiffrement import TexteConfidentiel


class StatutMessage(EnumLibelle):
    A_ENVOYER = "a_envoyer"
    ENVOYE = "envoye"
    ABANDONNE = "abandonne"     # not sent, on purpose (rendez-vous annulé ou passé…): `motif` says why
    ECHEC = "echec"             # the SMTP server refused it too many times
    SANS_OBJET = "sans_objet"   # nothing to send (a reset asked for an unknown address)


StatutMessage.LIBELLES = {"a_envoyer": "à envoyer", "envoye": "envoyé", "abandonne": "non envoyé",
                          "echec": "échec de l'envoi", "sans_objet": "sans objet"}

TENTATIVES_MAX = 5


class MessageSortant(UuidPk, Base):
    __tablename__ = "message_sortant"
    __table_args__ = (Index("ix_message_sortant_a_envoyer", "statut", "envoyer_a_partir_du"),)

    # The structure whose key encrypts the content (None: a message with no content).
    structure_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("structure.id"), index=True)
    # A code of the module that wrote it: « convocation », « rappel », « reinitialisation ».
    nature: Mapped[str] = mapped_column(String(30))
    personne_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("personne.id"), index=True)
    # The record it is about (e.g. « rendez_vous », its id): the checks made before sending read it.
    objet_type: Mapped[str] = mapped_column(String(40), default="")
    objet_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    cree_le: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    envoyer_a_partir_du: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    statut: Mapped[StatutMessage] = mapped_column(colonne_enum(StatutMessage, 20), default=StatutMessage.A_ENVOYER)
    envoye_le: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    tentatives: Mapped[int] = mapped_column(default=0)
    # Why it was not sent (French, shown on the person's timeline): « rendez-vous annulé »…
    motif: Mapped[str] = mapped_column(String(300), default="")
    contenu_chiffre: Mapped[bytes | None] = mapped_column(LargeBinary)
    # {"a": address, "sujet": …, "texte": …, "ics": invitation (optional), "methode": "REQUEST"}
    contenu = TexteConfidentiel(json=True)
