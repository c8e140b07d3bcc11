"""Outgoing e-mail, outside the request (issue #18, point 4): a table of messages to send
(the outbox) that a request only fills, and the sending that `cipdesk envoyer-messages`
runs from a timer (cron, systemd, the `envoi` service of docker-compose). No domain:
the modules that write messages (agenda, comptes) name their own kinds and checks."""
