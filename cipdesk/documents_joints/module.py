"""Documents attached to a person or to one of their records (issue #18, point 11): CV,
justificatifs, signed contracts scanned; encrypted at rest, type checked by content, shown
inline by an access-checked route, every read in the audit log; part of the person's
access export and erasure."""
from __future__ import annotations

from cipdesk.core.contrat import Lisible, Module, TypeObjet
from cipdesk.security import rgpd


def _module() -> Module:
    from cipdesk.documents_joints import chiffres, demo, fiche, services
    from cipdesk.documents_joints.models import DocumentJoint
    from cipdesk.documents_joints.queries import garde_document
    from cipdesk.documents_joints.routes import bp

    return Module(
        code="documents_joints",
        titre="Documents joints",
        blueprints=(bp,),
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        objets=(TypeObjet("document_joint", "document joint", "documents_joints.voir", "document_id"),),
        # every read of a document (and every refused attempt) is written to the audit log
        lisibles=(Lisible(DocumentJoint, garde_document, audit="document_joint"),),
        fiche_personne=(fiche.fiche_personne,),
        encarts=(fiche.encarts_enregistrement,),
        # the right of access exports each document with its content (base64, decrypted) through
        # security/rgpd.py; the erasure deletes them (no anonymised form of a scanned file)
        export_personne=(rgpd.exporter(("document_joint", "document joint", DocumentJoint)),),
        effacement_personne=(services.effacement_personne,),
        demo=demo.remplir_documents,
    )


MODULE = _module()
