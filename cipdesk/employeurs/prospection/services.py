"""Use cases of a prospection action. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.prospection import rules
from cipdesk.employeurs.prospection.models import ActionProspection, CibleProspection, IndicateurProspection


def creer_action(session: Session, *, par, donnees: dict, cibles: dict[str, int], le: date) -> ActionProspection:
    for champ, message in rules.verifier_periode(donnees["debut"], donnees["fin"]).items():
        raise ErreurMetier(message, champ)
    action = ActionProspection(structure_id=par.structure_id, pilote_id=par.id, **donnees)
    for code, cible in cibles.items():
        if cible is None or cible < 0:
            raise ErreurMetier("Indiquez un objectif (nombre positif ou nul).", f"cible_{code}")
        action.indicateurs.append(IndicateurProspection(structure_id=par.structure_id,
                                                        code=rules.Indicateur(code), cible=cible))
    session.add(action)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="action_prospection",
                                      objet_id=action.id, le=le)
    if action.pratiques_durables.strip():
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="pratiques_durables",
                                          objet_id=action.id, le=le)
    return action


def cibler(session: Session, action: ActionProspection, entreprise, *, par) -> CibleProspection:
    if entreprise is None or entreprise.structure_id != action.structure_id:
        raise ErreurMetier("Choisissez une entreprise de la base.", "entreprise_id")
    if any(c.entreprise_id == entreprise.id for c in action.cibles):
        raise ErreurMetier("Cette entreprise est déjà dans la cible.", "entreprise_id")
    cible = CibleProspection(structure_id=action.structure_id, entreprise=entreprise)
    action.cibles.append(cible)
    session.flush()
    return cible


def evaluer(session: Session, action: ActionProspection, *, par, evaluation: str, causes: str,
            realises: dict[str, int], le: date) -> ActionProspection:
    """REAC CP12 « L'évaluation de l'action de prospection permet de mesurer les écarts »:
    the gaps are computed, a missed target needs its causes."""
    lignes = rules.ecarts({i.code.value: i.cible for i in action.indicateurs}, realises)
    for champ, message in rules.verifier_evaluation(lignes, causes).items():
        raise ErreurMetier(message, champ)
    if le < action.debut:
        raise ErreurMetier("On évalue une action commencée.", "evaluation")
    action.evaluation, action.causes_ecarts, action.evaluee_le = evaluation.strip(), (causes or "").strip(), le
    session.flush()
    return action
