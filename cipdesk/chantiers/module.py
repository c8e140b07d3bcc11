"""Placeholders for the sections of the job still to be built. When a module is
built, its own declaration carries its navigation entry and its line leaves here."""
from __future__ import annotations

from cipdesk.core.contrat import Module, Navigation
from cipdesk.security import policy


def _professionnels(utilisateur) -> bool:
    return policy.est_conseiller(utilisateur) or policy.est_chef(utilisateur) or policy.est_admin(utilisateur)


MODULE = Module(
    code="chantiers",
    titre="Sections en préparation",
    navigation=(
        Navigation("tableau_de_bord", "Tableau de bord",
                   "Indicateurs de l'équipe, alertes, charge de travail et bilans pour les financeurs.",
                   (), visible=lambda u: policy.est_chef(u) or policy.est_admin(u), ordre=80),
    ),
)
