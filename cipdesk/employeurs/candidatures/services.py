"""Use cases of the candidatures pipeline (REAC CP13). Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.candidatures import rules
from cipdesk.employeurs.candidatures.models import Candidature, TransitionCandidature
from cipdesk.employeurs.candidatures.rules import EtatCandidature
from cipdesk.employeurs.offres.models import Offre
from cipdesk.employeurs.offres.rules import StatutOffre

MESSAGE_HORS_PERIMETRE = ("Cette personne n'est pas dans votre file active : vous ne pouvez pas proposer sa "
                          "candidature.")


def proposer(session: Session, offre: Offre, personne, *, par, le: date, aujourd_hui: date,
             dans_le_perimetre: bool, commentaire: str = "") -> Candidature:
    """Propose a person of the user's perimeter for an offer; the log starts at « proposée »."""
    if personne is None or not dans_le_perimetre:
        raise ErreurMetier(MESSAGE_HORS_PERIMETRE, "personne_id")
    if offre.statut not in (StatutOffre.BROUILLON, StatutOffre.PUBLIEE):
        raise ErreurMetier("Cette offre est close : on n'y propose plus de candidature.")
    if le > aujourd_hui:
        raise ErreurMetier("La date ne peut pas être dans le futur.", "le")
    if le < offre.ouverte_le:
        raise ErreurMetier(f"L'offre est ouverte depuis le {offre.ouverte_le:%d/%m/%Y} : la candidature ne peut "
                           "pas être antérieure.", "le")
    if session.scalar(select(Candidature.id).where(Candidature.offre_id == offre.id,
                                                   Candidature.personne_id == personne.id)):
        raise ErreurMetier("Cette personne est déjà candidate à cette offre.", "personne_id")
    candidature = Candidature(structure_id=offre.structure_id, offre=offre, personne=personne,
                              proposee_par_id=par.id, etat=EtatCandidature.PROPOSEE, etat_depuis=le)
    candidature.journal.append(TransitionCandidature(structure_id=offre.structure_id, de=None,
                                                     vers=EtatCandidature.PROPOSEE, le=le, par_id=par.id,
                                                     commentaire=(commentaire or "").strip()))
    session.add(candidature)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="candidature", objet_id=candidature.id,
                                      le=le)
    return candidature


def faire_passer(session: Session, candidature: Candidature, *, par, vers: EtatCandidature, le: date,
                 aujourd_hui: date, motif_refus: str = "", commentaire: str = "", version: int | None = None
                 ) -> TransitionCandidature:
    """One transition of the state machine (rules.TRANSITIONS), dated and logged."""
    if version is not None and version != candidature.version:
        raise ErreurMetier("Un·e collègue a fait avancer cette candidature entre-temps : rechargez la page.",
                           "version")
    erreurs = rules.verifier_transition(candidature.etat, vers, motif_refus or None, commentaire, le,
                                        candidature.etat_depuis, aujourd_hui)
    for champ, message in erreurs.items():
        raise ErreurMetier(message, champ)
    transition = TransitionCandidature(structure_id=candidature.structure_id, de=candidature.etat, vers=vers, le=le,
                                       par_id=par.id, motif_refus=motif_refus if vers == EtatCandidature.REFUSEE else "",
                                       commentaire=(commentaire or "").strip())
    candidature.journal.append(transition)
    candidature.etat, candidature.etat_depuis = vers, le
    if vers == EtatCandidature.REFUSEE:
        candidature.motif_refus = motif_refus
    session.flush()
    if vers in (EtatCandidature.ENTRETIEN, EtatCandidature.EMBAUCHE):
        signaux.contact_realise.send(session, personne=candidature.personne, le=le, aujourd_hui=aujourd_hui)
    return transition


def regler_delai(session: Session, structure, *, par, delai: int) -> None:
    """The structure's admin sets the delay before a candidature without an answer raises an
    alert (then becomes obsolete at twice the delay) — issue #13 point 7."""
    from cipdesk.security import policy
    from cipdesk.security.audit import Action, journaliser

    policy.exiger(policy.peut_administrer_structure(par, structure.id))
    if not 1 <= delai <= 90:
        raise ErreurMetier("Entre 1 et 90 jours.", "delai")
    structure.parametres = dict(structure.parametres or {}) | {rules.PARAMETRE_DELAI: delai}
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure.id,
                details={"delai_relance_candidature": delai})
