"""Immersions through the policy's perimeter (a person is shown only to those who may see them)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Evenement
from cipdesk.employeurs.candidatures.queries import perimetre_de
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.personnes.models import Personne


def immersions_visibles(session: Session, utilisateur, *, entreprise_id=None) -> list[Immersion]:
    condition = perimetre_de(session, utilisateur).condition(Personne, Utilisateur)
    requete = (select(Immersion).join(Personne, Personne.id == Immersion.personne_id).where(condition)
               .options(joinedload(Immersion.personne), joinedload(Immersion.entreprise))
               .order_by(Immersion.debut.desc()))
    if entreprise_id is not None:
        requete = requete.where(Immersion.entreprise_id == entreprise_id)
    return list(session.scalars(requete.limit(200)))


def garde_immersion(session: Session, utilisateur, immersion: Immersion, modifier: bool) -> bool:
    from cipdesk.personnes.queries import garde_personne

    return garde_personne(session, utilisateur, immersion.personne, modifier)


def chronologie_immersions(session: Session, personne, lecteur) -> list[Evenement]:
    lignes = session.scalars(select(Immersion).where(Immersion.personne_id == personne.id)
                             .options(joinedload(Immersion.entreprise)))
    return [Evenement(i.debut, i.created_at, "immersion", f"Immersion (PMSMP) chez {i.entreprise.nom}",
                      f"{i.objectif.libelle} — {i.statut.libelle.lower()}", "employeurs.immersions.voir",
                      (("immersion_id", i.id),)) for i in lignes]
