"""The structure's audit log as a spreadsheet (issue #19), for its admin: the same query as the
page (`queries.journal_filtre`), streamed. Who, when, from where, what — never a content."""
from __future__ import annotations

from cipdesk.comptes.admin.queries import journal_filtre
from cipdesk.core.contrat import ColonneTableur as C
from cipdesk.security.audit import Action, JournalAudit

JOURNAL = (C("rang", "Rang", "entier"), C("at", "Le", "instant"), C("acteur", "Acteur"), C("role", "Rôle"),
           C("action", "Action"), C("objet_type", "Type d'objet"), C("objet_id", "Objet"),
           C("adresse_ip", "Adresse IP"), C("motif", "Motif"))
FILTRES = ("action", "acteur", "objet_type", "objet_id")


def lignes_journal(session, utilisateur, filtres, aujourd_hui):  # noqa: ARG001
    action = filtres.get("action", "")
    if action not in {a.value for a in Action}:
        action = ""
    requete = journal_filtre(structure_id=utilisateur.structure_id, action=action,
                             acteur=filtres.get("acteur", ""), objet_type=filtres.get("objet_type", ""),
                             objet_id=filtres.get("objet_id", ""))
    j = JournalAudit
    colonnes = requete.with_only_columns(j.rang, j.at, j.acteur_libelle, j.role, j.action, j.objet_type, j.objet_id,
                                         j.adresse_ip, j.motif)
    for r in session.execute(colonnes.execution_options(yield_per=1000)):
        yield (r[0], r[1], r[2], r[3], Action.LIBELLES.get(r[4].value if r[4] else "", r[4]), *r[5:])
