from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select

from cipdesk.core.dates import debut_jour_paris
from cipdesk.security.audit import Action, JournalAudit


# Beyond these days a bound filters nothing: an extreme date (0001-01-01, 9999-12-31)
# must not overflow when turned into an instant (issue #10, point 14).
PREMIER_JOUR_UTILE = date(1900, 1, 1)
DERNIER_JOUR_UTILE = date(2999, 12, 31)


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
    if du and du > PREMIER_JOUR_UTILE:
        requete = requete.where(JournalAudit.at >= debut_jour_paris(du))
    if au and au < DERNIER_JOUR_UTILE:
        requete = requete.where(JournalAudit.at < debut_jour_paris(au + timedelta(days=1)))
    return requete
