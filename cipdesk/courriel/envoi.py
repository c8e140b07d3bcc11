"""Filling and emptying the outbox. A request only calls `deposer`; `envoyer_en_attente` runs
out of any request (`cipdesk envoyer-messages`), commits after every message (a crash never
sends one twice), and asks the module that wrote a message whether it still holds (a reminder
of a cancelled or past rendez-vous is given up, never sent)."""
from __future__ import annotations

import smtplib
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.courriel.models import TENTATIVES_MAX, MessageSortant, StatutMessage
from cipdesk.courriel.smtp import ConfigSmtp, Connexion, construire

def utc(moment: datetime) -> datetime:
    """Every instant is stored in UTC (SQLite gives naive datetimes back: they are UTC)."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


# (session, message, now) -> None when it may go, else the French reason it is given up.
Verification = Callable[[Session, MessageSortant, datetime], str | None]


def deposer(session: Session, *, nature: str, structure_id: uuid.UUID | None, contenu: dict | None,
            envoyer_a_partir_du: datetime, personne_id: uuid.UUID | None = None, objet_type: str = "",
            objet_id: uuid.UUID | None = None, maintenant: datetime) -> MessageSortant:
    """A message to send from `envoyer_a_partir_du`; with no content, a row « sans objet »
    (same writes, nothing to send: see comptes, no account enumeration)."""
    message = MessageSortant(nature=nature, structure_id=structure_id, personne_id=personne_id,
                             objet_type=objet_type, objet_id=objet_id, cree_le=utc(maintenant),
                             envoyer_a_partir_du=utc(envoyer_a_partir_du),
                             statut=StatutMessage.A_ENVOYER if contenu else StatutMessage.SANS_OBJET)
    if contenu:
        message.contenu = contenu
    session.add(message)
    return message


def abandonner(message: MessageSortant, motif: str) -> None:
    message.statut = StatutMessage.ABANDONNE
    message.motif = motif[:300]
    message.contenu = {}


@dataclass
class Bilan:
    envoyes: int = 0
    abandonnes: int = 0
    echecs: int = 0
    erreurs: list[str] = field(default_factory=list)


def a_envoyer(session: Session, maintenant: datetime, limite: int = 200) -> list[uuid.UUID]:
    return list(session.scalars(select(MessageSortant.id).where(
        MessageSortant.statut == StatutMessage.A_ENVOYER, MessageSortant.envoyer_a_partir_du <= maintenant)
        .order_by(MessageSortant.envoyer_a_partir_du).limit(limite)))


def envoyer_en_attente(session: Session, *, config: ConfigSmtp, maintenant: datetime,
                       verifications: Mapping[str, Verification], valider: Callable[[], None]) -> Bilan:
    """Send what is due. `valider` commits (after every message)."""
    bilan = Bilan()
    maintenant = utc(maintenant)
    ids = a_envoyer(session, maintenant)
    if not ids:
        return bilan
    with Connexion(config) as smtp:
        for message_id in ids:
            # Locked and re-read: two senders running at once never send one message twice.
            message = session.scalars(select(MessageSortant).where(
                MessageSortant.id == message_id, MessageSortant.statut == StatutMessage.A_ENVOYER)
                .with_for_update(skip_locked=True)).first()
            if message is None:
                continue
            verifier = verifications.get(message.nature)
            motif = verifier(session, message, maintenant) if verifier else None
            if motif:
                abandonner(message, motif)
                bilan.abandonnes += 1
                valider()
                continue
            try:
                smtp.envoyer(construire(message.contenu, expediteur=config.expediteur))
            except (smtplib.SMTPException, OSError) as exc:
                message.tentatives += 1
                message.motif = f"Erreur du serveur d'envoi : {exc}"[:300]
                if message.tentatives >= TENTATIVES_MAX:
                    message.statut = StatutMessage.ECHEC
                    message.contenu = {}
                    bilan.echecs += 1
                bilan.erreurs.append(str(exc))
            else:
                message.statut = StatutMessage.ENVOYE
                message.envoye_le = maintenant
                message.motif = ""
                message.contenu = {}  # sent: the text and the address are not kept
                bilan.envoyes += 1
            valider()
    return bilan
