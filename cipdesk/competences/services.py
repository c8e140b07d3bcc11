"""Tagging records with the competences they evidence. Flush only."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.competences.models import AutoEvaluation, NiveauAutoEvaluation, PreuveCompetence, SourcePreuve
from cipdesk.core.contrat import registre
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.referentiel import CODES_COMPETENCES


def etiqueter(session: Session, *, utilisateur, objet_type: str, objet_id: uuid.UUID,
              codes: tuple[str, ...], date_activite: date, source: SourcePreuve = SourcePreuve.AUTO,
              motif: str = "") -> list[PreuveCompetence]:
    """Attach competences to a record; idempotent (an existing tag is kept)."""
    inconnus = [c for c in codes if c not in CODES_COMPETENCES]
    if inconnus:
        raise ErreurMetier(f"Compétence inconnue : {', '.join(inconnus)}.", "competence")
    if source == SourcePreuve.MANUEL and not motif.strip():
        raise ErreurMetier("Indiquez pourquoi cette activité prouve la compétence.", "motif")
    existants = set(session.scalars(select(PreuveCompetence.competence_code).where(
        PreuveCompetence.utilisateur_id == utilisateur.id, PreuveCompetence.objet_type == objet_type,
        PreuveCompetence.objet_id == objet_id)))
    nouvelles = []
    for code in codes:
        if code in existants:
            continue
        preuve = PreuveCompetence(structure_id=utilisateur.structure_id, utilisateur_id=utilisateur.id,
                                  competence_code=code, objet_type=objet_type, objet_id=objet_id,
                                  date_activite=date_activite, source=source, motif=motif.strip())
        session.add(preuve)
        nouvelles.append(preuve)
    session.flush()
    return nouvelles


def codes_pour(objet_type: str) -> tuple[str, ...]:
    """The competences a kind of record evidences (the modules' `preuves`)."""
    regle = registre.preuves().get(objet_type)
    if regle is None:
        raise KeyError(f"Aucune règle de compétences pour « {objet_type} »")
    return regle.codes


def etiqueter_activite(session: Session, *, utilisateur, objet_type: str, objet_id: uuid.UUID,
                       le: date, regle: str | None = None) -> list[PreuveCompetence]:
    """A professional logged a record: tag it with the competences its kind evidences
    (`regle` names another kind's rule, e.g. an entretien « projet »)."""
    return etiqueter(session, utilisateur=utilisateur, objet_type=objet_type, objet_id=objet_id,
                     codes=codes_pour(regle or objet_type), date_activite=le)


def etiqueter_a_la_main(session: Session, *, candidat, objet_type: str, objet_id: uuid.UUID,
                        code: str, motif: str) -> PreuveCompetence:
    """A candidat tags one of their own logged records with a competence, with a reason."""
    existantes = session.scalars(select(PreuveCompetence).where(
        PreuveCompetence.utilisateur_id == candidat.id, PreuveCompetence.objet_type == objet_type,
        PreuveCompetence.objet_id == objet_id)).all()
    if not existantes:
        raise ErreurMetier("Choisissez une activité que vous avez enregistrée.", "activite")
    deja = next((p for p in existantes if p.competence_code == code), None)
    if deja is not None and deja.retiree_le is None:
        raise ErreurMetier("Cette activité prouve déjà cette compétence.", "activite")
    if not (motif or "").strip():
        raise ErreurMetier("Indiquez pourquoi cette activité prouve la compétence.", "motif")
    if deja is not None:  # a tag removed earlier comes back, as a manual one
        deja.retiree_le, deja.motif_retrait = None, ""
        deja.source, deja.motif = SourcePreuve.MANUEL, motif.strip()[:500]
        session.flush()
        return deja
    date_activite = max(p.date_activite for p in existantes)
    return etiqueter(session, utilisateur=candidat, objet_type=objet_type, objet_id=objet_id,
                     codes=(code,), date_activite=date_activite, source=SourcePreuve.MANUEL,
                     motif=motif[:500])[0]


def retirer_preuve(session: Session, *, candidat, preuve: PreuveCompetence, motif: str) -> None:
    """Untag: the row stays, marked withdrawn with its reason (nothing silently lost)."""
    if preuve.utilisateur_id != candidat.id:
        raise ErreurMetier("Cette preuve n'est pas la vôtre.")
    if preuve.retiree_le is not None:
        raise ErreurMetier("Cette preuve est déjà retirée.")
    if not (motif or "").strip():
        raise ErreurMetier("Indiquez pourquoi vous retirez cette preuve.", "motif")
    preuve.retiree_le = utcnow()
    preuve.motif_retrait = motif.strip()[:500]
    session.flush()


def auto_evaluer(session: Session, *, candidat, code: str, niveau: NiveauAutoEvaluation,
                 commentaire: str, le: date) -> AutoEvaluation:
    if code not in CODES_COMPETENCES:
        raise ErreurMetier("Compétence inconnue.", "niveau")
    if le > date.today():
        raise ErreurMetier("La date de l'auto-évaluation ne peut pas être dans le futur.", "evalue_le")
    evaluation = AutoEvaluation(structure_id=candidat.structure_id, utilisateur_id=candidat.id,
                                competence_code=code, niveau=niveau,
                                commentaire=(commentaire or "").strip()[:1000], evalue_le=le)
    session.add(evaluation)
    session.flush()
    return evaluation
