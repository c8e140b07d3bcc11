"""Use cases of the entretiens de suivi (REAC CP6: « Contractualiser et suivre avec la
personne son parcours »). Today's date is given by the caller."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.services import (exiger_modification, sans_ecrasement, texte_obligatoire,
                                               verifier_version)
from cipdesk.parcours.entretiens.models import Entretien, EntretienVersion
from cipdesk.parcours.entretiens.rules import CHAMPS_CORRIGEABLES, ModeEntretien, TypeEntretien, verifier_entretien
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


@sans_ecrasement("L'entretien")
def corriger_entretien(session: Session, entretien: Entretien, *, par, version: int | None, le: date,
                       duree_minutes: int | None, mode: ModeEntretien, type_entretien: TypeEntretien,
                       objectif: str, synthese: str, progres: str = "", decisions: str = "",
                       prochaines_actions: str = "", prochain_rdv_le: date | None = None,
                       aujourd_hui: date) -> Entretien:
    """Correct a saved entretien: its previous state is kept whole (EntretienVersion), with who
    had written it and who replaced it, when (issue #11, point 1). The confidential note is
    not part of it (it belongs to the notes module)."""
    parcours = entretien.parcours
    exiger_modification(session, par, parcours.personne)
    verifier_version(entretien, version, "L'entretien")
    if not parcours.est_ouvert:
        raise ErreurMetier("Le parcours est clos : ses entretiens ne se corrigent plus.", "objectif")
    verifier_entretien(le, duree_minutes, prochain_rdv_le, aujourd_hui)
    if le < parcours.debut and type_entretien != TypeEntretien.CONTRACTUALISATION:
        raise ErreurMetier("L'entretien précède le début du parcours.", "le")
    nouveau = {"le": le, "duree_minutes": duree_minutes, "mode": mode, "type_entretien": type_entretien,
               "objectif": texte_obligatoire(objectif, "objectif", "Indiquez l'objectif de l'entretien."),
               "synthese": (synthese or "").strip(), "progres": (progres or "").strip(),
               "decisions": (decisions or "").strip(), "prochaines_actions": (prochaines_actions or "").strip(),
               "prochain_rdv_le": prochain_rdv_le}
    avant = {c: getattr(entretien, c) for c in CHAMPS_CORRIGEABLES}
    if avant == nouveau:
        raise ErreurMetier("Rien n'a changé : modifiez au moins un champ pour corriger l'entretien.", "objectif")
    maintenant = utcnow()
    session.add(EntretienVersion(
        structure_id=entretien.structure_id, entretien_id=entretien.id,
        numero=len(entretien.versions) + 1, saisi_par_id=entretien.modifie_par_id or entretien.conseiller_id,
        saisi_le=entretien.modifie_le or entretien.created_at, remplace_par_id=par.id, remplace_le=maintenant,
        **avant))
    for champ, valeur in nouveau.items():
        setattr(entretien, champ, valeur)
    entretien.modifie_le, entretien.modifie_par_id = maintenant, par.id
    session.flush()
    session.expire(entretien, ["versions", "modifie_par"])
    if (le, prochain_rdv_le) != (avant["le"], avant["prochain_rdv_le"]):
        signaux.contact_realise.send(session, personne=parcours.personne, le=le, prochain_rdv=prochain_rdv_le)
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="entretien", objet_id=entretien.id,
                details={"champs": sorted(c for c in CHAMPS_CORRIGEABLES if avant[c] != nouveau[c])})
    return entretien
