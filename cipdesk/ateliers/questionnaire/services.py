"""The tablet questionnaire (issue #12, point 9): open a short-lived link for one
questionnaire of one session, revoke it, record a participant's answer. Services take
the session and the time explicitly (never the clock), flush and never commit; the
secret that signs the token is passed in (no Flask here)."""
from __future__ import annotations

import uuid
from datetime import datetime

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cipdesk.ateliers.evaluations.models import Satisfaction
from cipdesk.ateliers.evaluations.rules import Moment
from cipdesk.ateliers.evaluations.services import ajouter_satisfaction, verifier_moment
from cipdesk.ateliers.questionnaire import rules
from cipdesk.ateliers.questionnaire.models import LienQuestionnaire
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.ateliers.sessions.rules import StatutInscription
from cipdesk.core.erreurs import ErreurMetier

SEL = "cipdesk.ateliers.questionnaire"   # this signature is good for nothing else in the app


def jeton(lien: LienQuestionnaire, secret: str) -> str:
    return URLSafeSerializer(secret, salt=SEL).dumps(lien.id.hex)


def lien_du_jeton(session: Session, valeur: str, secret: str) -> LienQuestionnaire | None:
    """The link a token names, or None when the token is forged or its link deleted. Read
    across structures on purpose: the participant has no account; the link names its own."""
    try:
        lien_id = uuid.UUID(hex=URLSafeSerializer(secret, salt=SEL).loads(valeur))
    except (BadSignature, ValueError, TypeError):
        return None
    return session.scalar(select(LienQuestionnaire).where(LienQuestionnaire.id == lien_id)
                          .execution_options(toutes_structures=True))


def ouvrir_lien(session: Session, sess: SessionAtelier, *, par, moment: Moment | None,
                maintenant: datetime) -> LienQuestionnaire:
    """One open questionnaire per session: opening a link closes the previous ones. It lasts
    rules.DUREE_DU_LIEN and takes at most one answer per enrolled participant."""
    verifier_moment(sess, moment, maintenant.date())
    maintenant = rules.en_utc(maintenant)
    for ancien in session.scalars(select(LienQuestionnaire).where(LienQuestionnaire.session_id == sess.id,
                                                                  LienQuestionnaire.revoque_le.is_(None))):
        ancien.revoque_le = maintenant
    inscrits = sum(1 for i in sess.inscriptions if i.statut == StatutInscription.INSCRIT)
    lien = LienQuestionnaire(structure_id=sess.structure_id, session_id=sess.id, moment=moment,
                             expire_le=maintenant + rules.DUREE_DU_LIEN, reponses=0,
                             plafond=rules.plafond_de_reponses(inscrits), cree_par_id=par.id)
    session.add(lien)
    session.flush()
    return lien


def revoquer(session: Session, lien: LienQuestionnaire, *, par, maintenant: datetime) -> LienQuestionnaire:
    if lien.revoque_le is None:
        lien.revoque_le = rules.en_utc(maintenant)
        session.flush()
    return lien


def erreur(lien: LienQuestionnaire, maintenant: datetime) -> str | None:
    return rules.erreur_du_lien(expire_le=lien.expire_le, revoque_le=lien.revoque_le, reponses=lien.reponses,
                                plafond=lien.plafond, maintenant=maintenant)


def repondre(session: Session, lien: LienQuestionnaire, *, note: int | None, commentaire: str,
             maintenant: datetime) -> Satisfaction:
    """A participant's answer. The answer is counted by one conditional UPDATE, so that two
    tablets answering the last place at the same time cannot pass the ceiling."""
    message = erreur(lien, maintenant)
    if message:
        raise ErreurMetier(message)
    le = maintenant.date()   # the day where the session takes place (Paris), before the UTC conversion
    maintenant = rules.en_utc(maintenant)
    pris = session.execute(
        update(LienQuestionnaire).where(LienQuestionnaire.id == lien.id,
                                        LienQuestionnaire.reponses < LienQuestionnaire.plafond,
                                        LienQuestionnaire.revoque_le.is_(None),
                                        LienQuestionnaire.expire_le > maintenant)
        .values(reponses=LienQuestionnaire.reponses + 1).execution_options(synchronize_session=False))
    session.expire(lien, ["reponses"])
    if pris.rowcount != 1:
        raise ErreurMetier(erreur(lien, maintenant) or "Ce questionnaire n'accepte plus de réponse.")
    sess = session.scalar(select(SessionAtelier).where(SessionAtelier.id == lien.session_id)
                          .execution_options(toutes_structures=True))
    return ajouter_satisfaction(session, sess, par=None, le=le, note=note, commentaire=commentaire,
                                moment=lien.moment, lien_id=lien.id)
