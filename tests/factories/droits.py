"""Records of the droits module for the tests that walk every route: a request of access from the
person of `objets` and a confidential note of their référent about that person."""
from __future__ import annotations

from datetime import date

from cipdesk.droits import services
from cipdesk.personnes.models import Personne
from tests.factories.notes import note


def objets_droits(ctx, monde, objets: dict) -> dict:
    personne = ctx.get(Personne, objets["personne"])
    demande = services.ouvrir_demande(ctx, personne, par=monde.conseiller, demandee_le=date(2026, 1, 5),
                                      aujourd_hui=date(2026, 1, 6))
    ctx.commit()
    n = note(ctx, monde.conseiller, "Note sur la personne (droits)", objet_type="personne", objet_id=personne.id)
    return {"demande_acces": demande.id, "note_droits": n.id}
