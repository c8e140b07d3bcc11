"""Use cases of the scheduled follow-ups of an intégration. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.integration.points import rules
from cipdesk.integration.points.models import PointSuivi


def enregistrer_point(session: Session, point: PointSuivi, *, par, donnees: dict, aujourd_hui: date) -> PointSuivi:
    """REAC CP14 « Conduire des entretiens de suivi avec la personne et les acteurs » :
    the person's and the employer's views kept apart, a risk-of-rupture flag."""
    suivi = point.suivi
    if suivi.statut.value != "en_cours":
        raise ErreurMetier("Ce suivi est clos : ses points ne se modifient plus.")
    for champ, message in rules.verifier_point(suivi.debut, donnees["fait_le"], aujourd_hui).items():
        raise ErreurMetier(message, champ)
    for champ, valeur in donnees.items():
        setattr(point, champ, valeur)
    session.flush()
    signaux.contact_realise.send(session, personne=suivi.personne, le=point.fait_le, aujourd_hui=aujourd_hui)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="point_integration", objet_id=point.id,
                                      le=point.fait_le)
    return point


def proposition(point: PointSuivi) -> str | None:
    """The exit category this follow-up proposes (M+3, M+6), for the conseiller to confirm."""
    if point.fait_le is None or point.toujours_en_poste is None:
        return None
    code = rules.proposition_sortie(point.jalon, point.suivi.type_contrat.value, point.toujours_en_poste)
    return rules.PROPOSITIONS.get(code) if code else None


def proposition_code(point: PointSuivi) -> str | None:
    if point.fait_le is None or point.toujours_en_poste is None:
        return None
    return rules.proposition_sortie(point.jalon, point.suivi.type_contrat.value, point.toujours_en_poste)


def reporter_apres_sortie(session: Session, point: PointSuivi, *, par, aujourd_hui: date):
    """Issue #14 point 6: the answer of an M+3 / M+6 follow-up (still in the job) is the
    person's situation 3 / 6 months after the exit of the parcours, confirmed by the
    conseiller and recorded by the parcours module (signal): no second form for the funder."""
    from cipdesk.integration.bilan.rules import MOIS_APRES_SORTIE

    mois = MOIS_APRES_SORTIE.get(point.jalon.value)
    if mois is None or point.fait_le is None or not point.toujours_en_poste:
        raise ErreurMetier("Seul un point M+3 ou M+6 fait, la personne toujours en poste, renseigne la situation "
                           "après la sortie.")
    suivi = point.suivi
    signaux.situation_apres_sortie.send(
        session, personne=suivi.personne, par=par, mois=mois, fait_le=point.fait_le, situation="emploi",
        commentaire=f"En poste chez {suivi.employeur} ({suivi.intitule_poste}) au point de suivi "
                    f"{point.jalon.libelle} de l'intégration.", aujourd_hui=aujourd_hui)
    return point


def regler_calendrier(session: Session, structure, *, par, codes: list[str]) -> None:
    """The structure's admin chooses the follow-ups planned at each hire (issue #14 point 3);
    follow-ups already planned stay as they are."""
    from cipdesk.security import policy
    from cipdesk.security.audit import Action, journaliser

    policy.exiger(policy.peut_administrer_structure(par, structure.id))
    for champ, message in rules.verifier_calendrier(codes).items():
        raise ErreurMetier(message, champ)
    structure.parametres = dict(structure.parametres or {}) | {
        rules.PARAMETRE_CALENDRIER: [j.value for j in rules.ORDRE if j.value in set(codes)]}
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure.id,
                details={"calendrier_integration": structure.parametres[rules.PARAMETRE_CALENDRIER]})
