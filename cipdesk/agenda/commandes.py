"""`cipdesk envoyer-messages`: sends the outbox's due messages (convocations, reminders,
password resets) through the SMTP server of the environment. Run by a timer (cron,
systemd) or the `envoi` service of docker-compose (`--boucle 60`)."""
from __future__ import annotations

import os
import time

import click
from flask.cli import with_appcontext


def verifications() -> dict:
    from cipdesk.agenda.services import verifier_message

    return {"convocation": verifier_message, "rappel": verifier_message, "annulation": verifier_message}


@click.command("envoyer-messages")
@click.option("--boucle", type=int, default=0, help="Recommence toutes les N secondes (0 : une seule fois).")
@with_appcontext
def envoyer_messages(boucle: int):
    """Envoie les e-mails en attente (convocations, rappels, réinitialisations de mot de passe)."""
    from cipdesk.core.dates import maintenant
    from cipdesk.core.db import db
    from cipdesk.courriel.envoi import envoyer_en_attente
    from cipdesk.courriel.smtp import SmtpNonConfigure, config_smtp

    try:
        config = config_smtp(os.environ)
    except SmtpNonConfigure as exc:
        raise click.ClickException(str(exc)) from None
    while True:
        try:
            bilan = envoyer_en_attente(db.session, config=config, maintenant=maintenant(),
                                       verifications=verifications(), valider=db.session.commit)
        except OSError as exc:  # the SMTP server is unreachable: messages wait for the next run
            db.session.rollback()
            click.echo(f"Serveur d'envoi injoignable : {exc}", err=True)
            bilan = None
        if bilan is not None:
            click.echo(f"{bilan.envoyes} envoyé(s), {bilan.abandonnes} non envoyé(s) (annulés, passés), "
                       f"{bilan.echecs} en échec.")
        db.session.remove()
        if not boucle:
            return
        time.sleep(boucle)
