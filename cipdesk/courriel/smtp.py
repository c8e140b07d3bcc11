"""A real SMTP server, configured by the environment (README, « Envoi des e-mails »):
CIPDESK_SMTP_HOST, CIPDESK_SMTP_PORT (587), CIPDESK_SMTP_USER, CIPDESK_SMTP_PASSWORD,
CIPDESK_SMTP_SECURITE (« starttls », « ssl » ou « aucune »), CIPDESK_SMTP_FROM,
CIPDESK_SMTP_TIMEOUT (secondes)."""
from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid


class SmtpNonConfigure(RuntimeError):
    """No CIPDESK_SMTP_HOST: nothing can be sent (messages stay in the outbox)."""


@dataclass(frozen=True)
class ConfigSmtp:
    hote: str
    port: int = 587
    utilisateur: str = ""
    mot_de_passe: str = ""
    securite: str = "starttls"  # starttls | ssl | aucune
    expediteur: str = "cipdesk <ne-pas-repondre@localhost>"
    delai: float = 30.0


def config_smtp(env: Mapping[str, str]) -> ConfigSmtp:
    hote = env.get("CIPDESK_SMTP_HOST", "").strip()
    if not hote:
        raise SmtpNonConfigure("CIPDESK_SMTP_HOST n'est pas défini : aucun e-mail ne peut partir.")
    securite = env.get("CIPDESK_SMTP_SECURITE", "starttls").strip().lower()
    if securite not in ("starttls", "ssl", "aucune"):
        raise SmtpNonConfigure("CIPDESK_SMTP_SECURITE vaut « starttls », « ssl » ou « aucune ».")
    return ConfigSmtp(hote=hote, port=int(env.get("CIPDESK_SMTP_PORT", "465" if securite == "ssl" else "587")),
                      utilisateur=env.get("CIPDESK_SMTP_USER", ""), mot_de_passe=env.get("CIPDESK_SMTP_PASSWORD", ""),
                      securite=securite,
                      expediteur=env.get("CIPDESK_SMTP_FROM", "cipdesk <ne-pas-repondre@localhost>"),
                      delai=float(env.get("CIPDESK_SMTP_TIMEOUT", "30")))


def construire(contenu: Mapping, *, expediteur: str) -> EmailMessage:
    """The e-mail of an outbox row: plain text, and the event as an invitation when there is
    one (text/calendar; method=REQUEST as an alternative part, which calendar clients read,
    and the same .ics attached for the others)."""
    message = EmailMessage()
    message["From"] = expediteur
    message["To"] = contenu["a"]
    message["Subject"] = contenu["sujet"]
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=expediteur.rsplit("@", 1)[-1].strip("> ") or "localhost")
    message.set_content(contenu["texte"])
    if contenu.get("ics"):
        methode = contenu.get("methode", "REQUEST")
        message.add_alternative(contenu["ics"], subtype="calendar", params={"method": methode})
        message.add_attachment(contenu["ics"].encode(), maintype="application", subtype="ics",
                               filename="invitation.ics")
    return message


class Connexion:
    """One SMTP connection for a batch of messages."""

    def __init__(self, config: ConfigSmtp) -> None:
        self.config = config
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Connexion:
        c = self.config
        if c.securite == "ssl":
            self._smtp = smtplib.SMTP_SSL(c.hote, c.port, timeout=c.delai, context=ssl.create_default_context())
        else:
            self._smtp = smtplib.SMTP(c.hote, c.port, timeout=c.delai)
            if c.securite == "starttls":
                self._smtp.starttls(context=ssl.create_default_context())
        if c.utilisateur:
            self._smtp.login(c.utilisateur, c.mot_de_passe)
        return self

    def envoyer(self, message: EmailMessage) -> None:
        assert self._smtp is not None
        self._smtp.send_message(message)

    def __exit__(self, *_exc) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except smtplib.SMTPException:
                self._smtp.close()
