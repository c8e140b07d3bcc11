"""Immersions through the policy's perimeter (a person is shown only to those who may see them)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.employeurs.candidatures.queries import perimetre_de
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.employeurs.immersions.rules import ObjectifPmsmp, StatutImmersion
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


def _immersions(personne_id, lecteur_id):  # noqa: ARG001
    return select(Immersion.id.label("objet_id"), Immersion.debut.label("le"), Immersion.created_at.label("saisi"),
                  Entreprise.raison_sociale.label("texte"), Entreprise.enseigne.label("texte4"),
                  Immersion.objectif.label("texte2"), Immersion.statut.label("texte3")) \
        .join(Entreprise, Entreprise.id == Immersion.entreprise_id).where(Immersion.personne_id == personne_id)


def _lire_immersions(lignes, session, lecteur) -> list[Evenement]:
    # the employer's name as `Entreprise.nom` writes it
    return [Evenement(i.le, i.saisi, "immersion",
                      f"Immersion (PMSMP) chez {f'{i.texte} ({i.texte4})' if i.texte4 else i.texte}",
                      f"{ObjectifPmsmp(i.texte2).libelle} — {StatutImmersion(i.texte3).libelle.lower()}",
                      "employeurs.immersions.voir", (("immersion_id", i.objet_id),)) for i in lignes]


# The person's immersions (a part of the person's one timeline statement).
chronologie_immersions = SourceDeChronologie(_immersions, _lire_immersions)
