"""The documents on the person's page (core.fiche) and on any record's page (core.contrat.Encart)."""
from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from cipdesk.core.contrat import Encart as EncartEnregistrement
from cipdesk.core.db import db
from cipdesk.documents_joints import queries, rules
from cipdesk.documents_joints.models import DocumentJoint


def fiche_personne(session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):  # noqa: ARG001
    """One query: the person's latest documents (their names decrypted, their content never loaded)."""
    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche

    pid = (("personne_id", personne.id),)
    documents = session.scalars(select(DocumentJoint).where(DocumentJoint.personne_id == personne.id)
                                .order_by(DocumentJoint.created_at.desc()).limit(5)).all()
    lignes = tuple(LigneEncart(d.nom_fichier or "document", f"{rules.NATURES.get(d.nature, d.nature)}, "
                               f"{d.created_at:%d/%m/%Y}", "documents_joints.voir", (("document_id", d.id),))
                   for d in documents)
    actions = (ActionPersonne("Joindre un document", "documents_joints.personne", pid, ordre=90),) if peut_modifier \
        else ()
    return PartDeFiche(actions, (Encart("documents_joints", "Documents joints", lignes,
                                        "Aucun document joint (CV, justificatifs, contrat signé).", ordre=70,
                                        endpoint="documents_joints.personne", params=pid,
                                        lien="Tous les documents"),))


def encarts_enregistrement(utilisateur, objet_type: str, objet_id) -> list[EncartEnregistrement]:
    """On a record about a person: its documents, and « Joindre un document » to it."""
    if not getattr(utilisateur, "is_authenticated", False) or objet_type not in queries.types_rattachables():
        return []
    personne = queries.personne_de(db.session, objet_type, objet_id)
    if personne is None or not queries.garde_personne(db.session, utilisateur, personne, False):
        return []
    encarts = [EncartEnregistrement(d.nom_fichier or "document", url_for("documents_joints.voir", document_id=d.id),
                                    rules.NATURES.get(d.nature, d.nature))
               for d in queries.documents_de(db.session, personne.id, objet_type=objet_type, objet_id=objet_id)]
    if queries.garde_personne(db.session, utilisateur, personne, True):
        encarts.append(EncartEnregistrement(
            "Joindre un document à cet enregistrement",
            url_for("documents_joints.personne", personne_id=personne.id, objet_type=objet_type, objet_id=objet_id),
            "PDF ou image, chiffré"))
    return encarts
