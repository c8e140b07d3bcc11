"""What the documents module reads (and what others may read): the documents of a
person or of one record, the loader's guard, the record → person resolution."""
from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.contrat import registre
from cipdesk.documents_joints.models import DocumentJoint
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import garde_personne


def garde_document(session: Session, utilisateur, document: DocumentJoint, modifier: bool) -> bool:
    """A document is read by whoever may see its person, written by who may write about them."""
    personne = session.get(Personne, document.personne_id)
    return personne is not None and garde_personne(session, utilisateur, personne, modifier)


def documents_de(session: Session, personne_id, *, objet_type: str | None = None, objet_id=None) -> list[DocumentJoint]:
    from sqlalchemy.orm import selectinload

    requete = select(DocumentJoint).where(DocumentJoint.personne_id == personne_id).options(
        selectinload(DocumentJoint.depose_par))
    if objet_type is not None:
        requete = requete.where(DocumentJoint.objet_type == objet_type, DocumentJoint.objet_id == objet_id)
    return list(session.scalars(requete.order_by(DocumentJoint.created_at.desc())))


def _modeles_par_type() -> dict[str, type]:
    """TypeObjet code → model, by the contract's convention (a record kind is its model's table)."""
    lisibles = {lisible.modele.__tablename__: lisible.modele for m in registre.modules for lisible in m.lisibles}
    return {code: lisibles[code] for code, t in registre.objets().items()
            if t.endpoint is not None and code in lisibles}


def personne_de(session: Session, objet_type: str, objet_id) -> Personne | None:
    """The person a record is about (its `personne`, or its parcours' person), or None
    for a record kind not about one person."""
    modele = _modeles_par_type().get(objet_type)
    if modele is None or modele is Personne or modele is DocumentJoint:
        return None
    try:
        objet = session.get(modele, uuid.UUID(str(objet_id)))
    except ValueError:
        return None
    if objet is None:
        return None
    personne = getattr(objet, "personne", None)
    if personne is None and getattr(objet, "parcours", None) is not None:
        personne = getattr(objet.parcours, "personne", None)
    return personne if isinstance(personne, Personne) else None


def types_rattachables() -> set[str]:
    return set(_modeles_par_type())
