"""Evaluation of each objectif pédagogique per participant, and satisfaction à chaud (REAC CP10)."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.evaluations.rules import NOTES_SATISFACTION, Moment, Resultat, erreur_moment
from cipdesk.ateliers.sessions.models import Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import StatutInscription
from cipdesk.core.erreurs import ErreurMetier


def evaluer(session: Session, inscription: Inscription, *, par, le: date,
            resultats: dict[uuid.UUID, tuple[Resultat | None, str]]) -> int:
    """REAC CP10 : « Évaluer l'atteinte des objectifs d'apprentissage ». An objective left
    without a result records nothing."""
    if inscription.statut != StatutInscription.INSCRIT:
        raise ErreurMetier("Seuls les participants inscrits sont évalués.")
    objectifs = {o.id for o in inscription.session.atelier.objectifs}
    existantes = {e.objectif_id: e for e in session.scalars(
        select(EvaluationObjectif).where(EvaluationObjectif.inscription_id == inscription.id))}
    nombre = 0
    for objectif_id, (resultat, commentaire) in resultats.items():
        if objectif_id not in objectifs or resultat is None:
            continue
        evaluation = existantes.get(objectif_id)
        if evaluation is None:
            evaluation = EvaluationObjectif(structure_id=inscription.structure_id, inscription_id=inscription.id,
                                            objectif_id=objectif_id, resultat=resultat)
            session.add(evaluation)
        evaluation.resultat, evaluation.commentaire = resultat, commentaire or ""
        evaluation.evalue_le, evaluation.evalue_par_id = le, par.id
        nombre += 1
    if not nombre:
        raise ErreurMetier("Choisissez un résultat pour au moins un objectif.")
    session.flush()
    return nombre


def verifier_moment(sess: SessionAtelier, moment: Moment | None, le: date) -> None:
    """À chaud once the session has started; à froid after it, and after the N weeks of the
    dispositif d'évaluation when the cahier des charges sets them."""
    erreur = erreur_moment(moment, sess.debut, sess.fin, sess.atelier.suivi_a_froid_semaines, le)
    if erreur:
        raise ErreurMetier(erreur, "moment")


def ajouter_satisfaction(session: Session, sess: SessionAtelier, *, par, le: date, note: int | None,
                         commentaire: str, moment: Moment | None, lien_id: uuid.UUID | None = None) -> Satisfaction:
    """REAC CP10 : « Mesurer la satisfaction des apprenants » : a paper questionnaire entered by
    the animateur (`par`), or one a participant filled in on a tablet (`par` is None, `lien_id`
    the link). The moment is always explicit."""
    verifier_moment(sess, moment, le)
    if note not in NOTES_SATISFACTION:
        raise ErreurMetier("Choisissez une note de 1 à 4.", "note")
    satisfaction = Satisfaction(structure_id=sess.structure_id, session_id=sess.id, note=note, moment=moment,
                                commentaire=commentaire or "", saisi_le=le, lien_id=lien_id)
    session.add(satisfaction)
    session.flush()
    return satisfaction


