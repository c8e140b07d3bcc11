"""Placeholders for the sections of the job still to be built. When a module is
built, its own declaration carries its navigation entry and its line leaves here."""
from __future__ import annotations

from cipdesk.core.contrat import Module
from cipdesk.security import policy


def _professionnels(utilisateur) -> bool:
    return policy.est_conseiller(utilisateur) or policy.est_chef(utilisateur) or policy.est_admin(utilisateur)


MODULE = Module(
    code="chantiers",
    titre="Sections en préparation",
    # The tableau de bord left for cipdesk/tableau (issue #17).
    navigation=(),
)
