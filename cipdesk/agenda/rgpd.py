"""What the agenda holds about a person, for the right of access and the erasure (issue #18;
security/rgpd.py): rendez-vous, the consent to e-mails, and the messages sent or waiting
(the outbox, `courriel/`, is written by the agenda for a person)."""
from __future__ import annotations

from cipdesk.agenda.models import ConsentementCourriel, RendezVousPlanifie
from cipdesk.courriel.models import MessageSortant
from cipdesk.security import rgpd

EXPORT = (rgpd.exporter(
    ("rendez_vous", "rendez-vous", RendezVousPlanifie),
    ("consentement_courriel", "accord pour recevoir des e-mails", ConsentementCourriel),
    ("message_personne", "message envoyé à la personne", MessageSortant),
),)
EFFACEMENT = (rgpd.effacer(RendezVousPlanifie, ConsentementCourriel, MessageSortant),)
