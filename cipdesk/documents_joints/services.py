"""Attached documents use cases: deposit (type checked by content, size limited, encrypted),
read (audited by the loader), delete, and the person's rights (export, erasure).
Flush, never commit; no Flask."""
from __future__ import annotations

import base64
import binascii
import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.documents_joints import queries, rules
from cipdesk.documents_joints.models import DocumentJoint
from cipdesk.personnes.models import Personne
from cipdesk.security import keys, policy
from cipdesk.security.audit import Action, journaliser

OBJET = "document_joint"


def deposer(session: Session, *, personne: Personne, par, nature: str, nom_fichier: str, donnees: bytes,
            taille_max: int = rules.TAILLE_MAX_PAR_DEFAUT, objet_type: str = "", objet_id=None) -> DocumentJoint:
    """Attach a file to the person (or to one of their records: it must be about them)."""
    if nature not in rules.NATURES:
        raise ErreurMetier("Choisissez la nature du document.", "nature")
    reconnu = rules.verifier_fichier(nom_fichier, donnees, taille_max=taille_max)
    if objet_type:
        cible = queries.personne_de(session, objet_type, objet_id)
        if cible is None or cible.id != personne.id:
            raise ErreurMetier("L'enregistrement auquel joindre le document est introuvable pour cette personne.",
                               "fichier")
        objet_id = uuid.UUID(str(objet_id))
    document = DocumentJoint(id=uuid.uuid4(), structure_id=personne.structure_id, personne_id=personne.id,
                             objet_type=objet_type or "", objet_id=objet_id if objet_type else None, nature=nature,
                             type_mime=reconnu.type_mime, taille=reconnu.taille, depose_par_id=par.id)
    document.nom_fichier = rules.nom_sur(nom_fichier, reconnu.extension)
    document.contenu = base64.b64encode(donnees).decode("ascii")
    session.add(document)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type=OBJET, objet_id=document.id,
                structure_id=personne.structure_id,
                details={"personne": str(personne.id), "nature": nature, "type": reconnu.type_mime,
                         "taille": reconnu.taille})
    return document


def contenu(document: DocumentJoint) -> bytes:
    """The file, decrypted. Raises keys.Indechiffrable when the blob was tampered with."""
    texte = document.contenu
    try:
        return base64.b64decode(texte.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise keys.Indechiffrable("document illisible") from None


def supprimer(session: Session, *, document: DocumentJoint, par) -> None:
    policy.exiger(queries.garde_document(session, par, document, True))
    journaliser(session, acteur=par, action=Action.SUPPRESSION, objet_type=OBJET, objet_id=document.id,
                structure_id=document.structure_id, details={"personne": str(document.personne_id)})
    session.delete(document)
    session.flush()


# -- the person's rights (core.contrat: export_personne, effacement_personne) -------------
def effacement_personne(session: Session, personne: Personne, *_, **__) -> int:
    """Erasure: the person's documents are deleted (no anonymised form of a scanned file)."""
    ids = session.scalars(select(DocumentJoint.id).where(DocumentJoint.personne_id == personne.id)).all()
    if ids:
        session.execute(delete(DocumentJoint).where(DocumentJoint.id.in_(ids)))
        session.flush()
    return len(ids)
