"""Use cases of the entretiens de suivi (REAC CP6: « Contractualiser et suivre avec la
personne son parcours »). Today's date is given by the caller."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.services import exiger_modification, texte_obligatoire
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien, verifier_entretien
from cipdesk.security.audit import Action, journaliser


def ajouter_entretien(session: Session, parcours: Parcours, *, par, le: date, duree_minutes: int | None,
                      mode: ModeEntretien, type_entretien: TypeEntretien, objectif: str, synthese: str,
                      progres: str = "", decisions: str = "", prochaines_actions: str = "",
                      prochain_rdv_le: date | None = None, note: str = "",
                      aujourd_hui: date) -> Entretien:
    """An entretien de suivi; its confidential note (if any) is encrypted apart."""
    exiger_modification(session, par, parcours.personne)
    if not parcours.est_ouvert:
        raise ErreurMetier("Le parcours est clos : plus d'entretien de suivi à y saisir.", "le")
    verifier_entretien(le, duree_minutes, prochain_rdv_le, aujourd_hui)
    if le < parcours.debut and type_entretien != TypeEntretien.CONTRACTUALISATION:
        raise ErreurMetier("L'entretien précède le début du parcours.", "le")
    entretien = Entretien(structure_id=parcours.structure_id, parcours_id=parcours.id,
                          conseiller_id=par.id, le=le, duree_minutes=duree_minutes, mode=mode,
                          type_entretien=type_entretien,
                          objectif=texte_obligatoire(objectif, "objectif", "Indiquez l'objectif de l'entretien."),
                          synthese=(synthese or "").strip(), progres=(progres or "").strip(),
                          decisions=(decisions or "").strip(),
                          prochaines_actions=(prochaines_actions or "").strip(),
                          prochain_rdv_le=prochain_rdv_le)
    session.add(entretien)
    session.flush()
    if (note or "").strip():
        # Written by the notes module (its receiver of `note_ecrite`), which returns the note.
        envois = signaux.note_ecrite.send(session, auteur=par, contenu=note, objet_type="entretien",
                                          objet_id=entretien.id)
        entretien.note_id = next(ecrite.id for _recepteur, ecrite in envois if ecrite is not None)
    personne = parcours.personne
    signaux.contact_realise.send(session, personne=personne, le=le, prochain_rdv=prochain_rdv_le)
    session.flush()
    objet = "entretien_projet" if type_entretien == TypeEntretien.PROJET else "entretien"
    # A projet entretien is tagged as such (its own type of record, labelled « entretien de projet
    # professionnel » on the candidat's evidence), not as an entretien de suivi.
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type=objet, objet_id=entretien.id, le=le)
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="entretien", objet_id=entretien.id)
    return entretien
