"""The bilan of a session (REAC CP10 : « Rédiger le bilan de la prestation », « Analyser sa
pratique d'animation »)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.ateliers.bilan.models import BilanAtelier
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier


def enregistrer_bilan(session: Session, sess: SessionAtelier, *, par, le: date, version: int | None, ecarts: str,
                      ajustements: str) -> BilanAtelier:
    if sess.debut is None or sess.debut > le:
        raise ErreurMetier("Le bilan se rédige une fois la session commencée.")
    if not (ecarts or "").strip() and not (ajustements or "").strip():
        raise ErreurMetier("Décrivez au moins les écarts avec ce qui était prévu ou les ajustements.", "ecarts")
    bilan = session.scalar(select(BilanAtelier).where(BilanAtelier.session_id == sess.id))
    nouveau = bilan is None
    if nouveau:
        # Complete before it is added: reading `par.id` may autoflush.
        bilan = BilanAtelier(structure_id=sess.structure_id, session_id=sess.id, redige_le=le, redige_par_id=par.id)
        session.add(bilan)
    elif version is not None and version != bilan.version:
        raise ErreurMetier("Un·e collègue a modifié ce bilan entre-temps : rechargez la page.", "version")
    bilan.ecarts, bilan.ajustements = ecarts or "", ajustements or ""
    bilan.redige_le, bilan.redige_par_id = le, par.id
    session.flush()
    if nouveau:
        # The record kind « bilan_atelier » opens at ateliers.bilan.bilan(session_id): its id is the session's.
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="bilan_atelier", objet_id=sess.id,
                                          le=le)
    return bilan
