"""Queries of the réunions d'information: the structure's latest réunions and the
réunion part of the person's timeline."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from cipdesk.accueil.reunions.models import ParticipantReunion, ResultatReunion, ReunionInformation
from cipdesk.core.contrat import Evenement, SourceDeChronologie


def dernieres_reunions(session: Session, structure_id, limite: int = 50) -> list[ReunionInformation]:
    return list(session.scalars(select(ReunionInformation).where(ReunionInformation.structure_id == structure_id)
                                .options(selectinload(ReunionInformation.participants))
                                .order_by(ReunionInformation.date_reunion.desc()).limit(limite)))


def _reunions(personne_id, lecteur_id):  # noqa: ARG001
    return select(ParticipantReunion.reunion_id.label("objet_id"), ReunionInformation.date_reunion.label("le"),
                  ReunionInformation.created_at.label("saisi"), ReunionInformation.lieu.label("texte"),
                  ParticipantReunion.resultat.label("texte2")) \
        .join(ReunionInformation, ReunionInformation.id == ParticipantReunion.reunion_id) \
        .where(ParticipantReunion.personne_id == personne_id)


def _lire_reunions(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(p.le, p.saisi, "reunion_information", f"Réunion d'information collective — {p.texte}",
                      ResultatReunion(p.texte2).libelle, "accueil.reunions.voir", (("reunion_id", p.objet_id),))
            for p in lignes]


# Réunions the person took part in, with the result (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_reunions, _lire_reunions)
