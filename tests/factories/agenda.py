"""Agenda records: a rendez-vous two days ahead with the conseiller's person, and the
conseiller's calendar feed, through the real services."""
from __future__ import annotations

from datetime import time, timedelta

from cipdesk.core.dates import aujourdhui, maintenant


def rdv(ctx, conseiller, personne, *, dans_jours: int = 2, heure: time = time(10, 0), nature: str = "entretien",
        modalite: str = "structure", **kw):
    from cipdesk.agenda import services

    le = aujourdhui() + timedelta(days=dans_jours)
    return services.planifier(ctx, par=conseiller, personne=personne, aujourd_hui=min(le, aujourdhui()),
                              donnees=services.DonneesRdv(nature=nature, le=le, heure=heure, duree=kw.pop("duree", 60),
                                                          modalite=modalite, **kw))


def objets_agenda(ctx, monde) -> dict:
    from cipdesk.agenda import services
    from tests.factories.fabrique import Fabrique

    personne = Fabrique(ctx, "").personne(monde.structure, referent=monde.conseiller, email="lea.martin@exemple.fr")
    r = rdv(ctx, monde.conseiller, personne, lieu="Bureau 2", a_apporter="CV", motif="Point d'étape")
    jeton = services.creer_flux(ctx, utilisateur=monde.conseiller, maintenant=maintenant())
    ctx.commit()
    return {"rendez_vous": r.id, "personne_agenda": personne.id, "jeton_flux": jeton}
