"""The documents on the person's page (core.fiche) and on any record's page (core.contrat.Encart)."""
from __future__ import annotations

from flask import url_for
from sqlalchemy import select

from cipdesk.core.contrat import Encart as EncartEnregistrement
from cipdesk.core.db import db
from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche, SourceDeFiche
from cipdesk.documents_joints import queries, rules
from cipdesk.documents_joints.models import DocumentJoint


def _documents(personne_id, lecteur_id, aujourd_hui):  # noqa: ARG001
    return select(DocumentJoint.id.label("objet_id"), DocumentJoint.structure_id.label("structure_id"),
                  DocumentJoint.nature.label("texte"), DocumentJoint.created_at.label("saisi"),
                  DocumentJoint.nom_fichier_chiffre.label("chiffre")) \
        .where(DocumentJoint.personne_id == personne_id).order_by(DocumentJoint.created_at.desc()).limit(5)


def _lire_documents(lignes, session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):  # noqa: ARG001
    from cipdesk.personnes.queries import dechiffrer

    pid = (("personne_id", personne.id),)
    lignes_ = tuple(LigneEncart(dechiffrer(session, "document_joint", "nom_fichier", d.structure_id, d.objet_id,
                                           d.chiffre) or "document",
                                f"{rules.NATURES.get(d.texte, d.texte)}, {d.saisi:%d/%m/%Y}", "documents_joints.voir",
                                (("document_id", d.objet_id),))
                    for d in sorted(lignes, key=lambda d: d.saisi, reverse=True))
    actions = (ActionPersonne("Joindre un document", "documents_joints.personne", pid, ordre=90),) if peut_modifier \
        else ()
    return PartDeFiche(actions, (Encart("documents_joints", "Documents joints", lignes_,
                                        "Aucun document joint (CV, justificatifs, contrat signé).", ordre=70,
                                        endpoint="documents_joints.personne", params=pid,
                                        lien="Tous les documents"),))


# The person's latest documents (their names decrypted, their content never loaded), read in the page's one statement.
fiche_personne = SourceDeFiche(_documents, _lire_documents)


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
