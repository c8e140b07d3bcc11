"""Editing the structure's measures (its admin) and mobilising one. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.mesures import rules
from cipdesk.employeurs.mesures.models import MesureMobilisee, MesureStructure
from cipdesk.employeurs.mesures.queries import mesures_de
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def enregistrer_mesure(session: Session, structure_id, *, par, code: str, donnees: dict, aujourd_hui: date
                       ) -> MesureStructure:
    """A measure of the list edited (or added when `code` is empty) by the structure's admin,
    with the date the information was last checked (DOMAIN.md: « source and date of the
    information »)."""
    policy.exiger(policy.peut_administrer_structure(par, structure_id))
    for champ, message in rules.verifier(donnees["libelle"], donnees["eligibilite"], donnees["verifiee_le"],
                                         aujourd_hui).items():
        raise ErreurMetier(message, champ)
    connues = {m.code for m in mesures_de(session, structure_id)}
    if code and code not in connues:
        raise ErreurMetier("Mesure inconnue.", "libelle")
    if not code:
        code = rules.code_de(donnees["libelle"])
        if not code or code in connues:
            raise ErreurMetier("Cette mesure existe déjà : modifiez-la dans la liste.", "libelle")
    ligne = session.scalar(select(MesureStructure).where(MesureStructure.structure_id == structure_id,
                                                         MesureStructure.code == code))
    if ligne is None:
        ligne = MesureStructure(structure_id=structure_id, code=code)
        session.add(ligne)
    ligne.libelle, ligne.eligibilite = donnees["libelle"].strip()[:200], donnees["eligibilite"].strip()
    ligne.source, ligne.verifiee_le = (donnees.get("source") or "").strip()[:300], donnees["verifiee_le"]
    ligne.active = bool(donnees.get("active", True))
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure_id,
                details={"mesure": code})
    return ligne


def mobiliser(session: Session, *, par, code: str, le: date, offre=None, candidature=None) -> MesureMobilisee:
    """REAC CP13 « Aider au montage des dossiers relatifs aux mesures »: a measure attached to
    an offer or to a candidature."""
    cible = offre or candidature
    mesure = next((m for m in mesures_de(session, cible.structure_id) if m.code == code and m.active), None)
    if mesure is None:
        raise ErreurMetier("Choisissez une mesure de la liste.", "code")
    deja = {m.code for m in session.scalars(select(MesureMobilisee).where(
        MesureMobilisee.offre_id == offre.id if offre else MesureMobilisee.candidature_id == candidature.id))}
    if code in deja:
        raise ErreurMetier("Cette mesure est déjà mobilisée ici.", "code")
    ligne = MesureMobilisee(structure_id=cible.structure_id, code=code, libelle=mesure.libelle, par_id=par.id, le=le,
                            offre_id=offre.id if offre else None,
                            candidature_id=candidature.id if candidature else None)
    session.add(ligne)
    session.flush()
    return ligne
