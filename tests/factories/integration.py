"""Intégration records: a follow-up (with its scheduled points) of the conseiller's person, through the real services."""
from __future__ import annotations

from datetime import date


def objets_integration(ctx, monde) -> dict:
    from cipdesk.integration.suivis.services import ouvrir_suivi
    from tests.factories.fabrique import Fabrique

    personne = Fabrique(ctx, "").personne(monde.structure, referent=monde.conseiller)
    suivi = ouvrir_suivi(ctx, personne, par=monde.conseiller, dans_le_perimetre=True, donnees={
        "employeur": "Matrice SA", "lieu_travail": "Lille", "intitule_poste": "Cariste", "rome_code": "N1101",
        "type_contrat": "cdi", "debut": date(2026, 1, 5), "fin_periode_essai": date(2026, 3, 4), "heures_hebdo": 35})
    ctx.commit()
    return {"suivi_integration": suivi.id, "point_integration": suivi.points[0].id}
