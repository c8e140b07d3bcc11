"""Parcours records, through the real services: a parcours with an étape, an entretien, a métier, an action."""
from __future__ import annotations

from datetime import date

from cipdesk.core.dates import aujourdhui


def objets_parcours(ctx, monde) -> dict:
    """A parcours of the conseiller's person, with an étape, an entretien, a métier, an action (issue 4)."""
    from cipdesk.parcours.contrat import services
    from cipdesk.parcours.entretiens import services as entretiens
    from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
    from cipdesk.parcours.etapes import services as etapes
    from cipdesk.parcours.etapes.rules import Responsable
    from cipdesk.parcours.projet import services as projet_services
    from cipdesk.parcours.projet.rules import NatureAction
    from tests.factories.fabrique import Fabrique

    personne = Fabrique(ctx, "").personne(monde.structure, referent=monde.conseiller)
    parcours = services.ouvrir_parcours(ctx, personne, par=monde.conseiller, dispositif_code="plie",
                                        debut=date(2026, 1, 5), fin_prevue=None, objectifs="Emploi",
                                        engagements_personne="a", engagements_structure="b")
    etape = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES",
                                 responsable=Responsable.PERSONNE, echeance=date(2026, 3, 1), objectif="Emploi", le=aujourdhui())
    entretien = entretiens.ajouter_entretien(ctx, parcours, par=monde.conseiller, le=date(2026, 1, 6),
                                           duree_minutes=30, mode=ModeEntretien.PRESENTIEL,
                                           type_entretien=TypeEntretien.SUIVI, objectif="Suivi", synthese="", aujourd_hui=aujourdhui())
    projet = projet_services.demarrer_projet(ctx, parcours, par=monde.conseiller, le=aujourdhui())
    metier = projet_services.ajouter_metier(ctx, projet, par=monde.conseiller, rome_code="K2204", libelle="")
    action = projet_services.ajouter_action(ctx, parcours, par=monde.conseiller, nature=NatureAction.OUTIL,
                                            intitule="CV", echeance=None, le=aujourdhui())
    ctx.commit()
    return {"personne": personne.id, "parcours": parcours.id, "etape": etape.id, "entretien": entretien.id,
            "metier": metier.id, "action": action.id}
