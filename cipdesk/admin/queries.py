from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select

from cipdesk.core.dates import debut_jour_paris
from cipdesk.security.audit import Action, JournalAudit


def journal_filtre(*, structure_id, action: str = "", acteur: str = "", objet_type: str = "", objet_id: str = "",
                   du=None, au=None):
    """The audit trail of one structure: an admin reads their structure's rows only."""
    requete = (select(JournalAudit).where(JournalAudit.structure_id == structure_id)
               .order_by(JournalAudit.at.desc(), JournalAudit.id.desc()))
    if action:
        requete = requete.where(JournalAudit.action == Action(action))
    if acteur:
        motif = f"%{acteur.lower()}%"
        requete = requete.where(JournalAudit.acteur_libelle.ilike(motif))
    if objet_type:
        requete = requete.where(JournalAudit.objet_type == objet_type)
    if objet_id:
        requete = requete.where(or_(JournalAudit.objet_id == objet_id.strip()))
    if du:
        requete = requete.where(JournalAudit.at >= debut_jour_paris(du))
    if au:
        requete = requete.where(JournalAudit.at < debut_jour_paris(au + timedelta(days=1)))
    return requete
