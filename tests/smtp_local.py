"""A real SMTP server on 127.0.0.1 (aiosmtpd), started by the tests that send e-mail: the
messages really go through smtplib and the network, never a mock (issue #18)."""
from __future__ import annotations

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


class Boite:
    """What the server received, parsed."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted for delivery"

    def vider(self) -> None:
        self.messages.clear()


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_local():
    """(boîte, ConfigSmtp, env) of a local SMTP server running for the test."""
    from cipdesk.courriel.smtp import ConfigSmtp

    boite = Boite()
    port = _port_libre()
    controleur = Controller(boite, hostname="127.0.0.1", port=port)
    controleur.start()
    try:
        config = ConfigSmtp(hote="127.0.0.1", port=port, securite="aucune",
                            expediteur="Tremplin Emploi <ne-pas-repondre@tremplin.test>", delai=10)
        env = {"CIPDESK_SMTP_HOST": "127.0.0.1", "CIPDESK_SMTP_PORT": str(port), "CIPDESK_SMTP_SECURITE": "aucune",
               "CIPDESK_SMTP_FROM": config.expediteur}
        yield boite, config, env
    finally:
        controleur.stop()


def partie(message, type_mime: str):
    """The first part of this MIME type, or None."""
    for p in message.walk():
        if p.get_content_type() == type_mime:
            return p
    return None
