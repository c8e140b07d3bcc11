"""Use cases of an intégration follow-up. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.points.rules import calendrier, echeancier
from cipdesk.integration.suivis import rules
from cipdesk.integration.suivis.models import SuiviIntegration

MESSAGE_HORS_PERIMETRE = "Cette personne n'est pas dans votre file active : vous ne pouvez pas ouvrir son suivi."
MESSAGE_AUTRE_STRUCTURE = "Choisissez un employeur de votre structure."


def ouvrir_suivi(session: Session, personne, *, par, donnees: dict, dans_le_perimetre: bool, entreprise=None,
                 confirmer_essai: bool = False, origine: rules.Origine = rules.Origine.MAIN) -> SuiviIntegration:
    """REAC CP14: open the follow-up of a hire (or of a job to keep) and schedule its
    follow-ups from the start date."""
    if personne is None or not dans_le_perimetre:
        raise ErreurMetier(MESSAGE_HORS_PERIMETRE, "personne_id")
    if entreprise is not None and entreprise.structure_id != personne.structure_id:
        raise ErreurMetier(MESSAGE_AUTRE_STRUCTURE, "entreprise_id")
    type_contrat = rules.TypeContrat(donnees["type_contrat"])
    for champ, message in rules.verifier_essai(type_contrat, donnees["debut"], donnees.get("fin_periode_essai")).items():
        if not (confirmer_essai and "plus longue" in message):
            raise ErreurMetier(message, champ)
    employeur = (donnees.get("employeur") or "").strip() or (entreprise.raison_sociale if entreprise else "")
    if not employeur:
        raise ErreurMetier("Choisissez l'employeur dans la base ou écrivez son nom.", "employeur")
    suivi = SuiviIntegration(
        structure_id=personne.structure_id, personne=personne, conseiller_id=par.id, entreprise=entreprise,
        employeur=employeur, lieu_travail=donnees.get("lieu_travail") or "", origine=origine,
        intitule_poste=donnees["intitule_poste"], rome_code=(donnees.get("rome_code") or "").upper(),
        type_contrat=type_contrat, debut=donnees["debut"], fin_periode_essai=donnees.get("fin_periode_essai"),
        heures_hebdo=donnees.get("heures_hebdo"))
    session.add(suivi)
    from cipdesk.comptes.models import Structure

    parametres = session.scalar(select(Structure.parametres).where(Structure.id == suivi.structure_id))
    for jalon, le in echeancier(suivi.debut, suivi.fin_periode_essai, calendrier(parametres)):
        suivi.points.append(PointSuivi(structure_id=suivi.structure_id, jalon=jalon, prevu_le=le))
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="suivi_integration", objet_id=suivi.id,
                                      le=suivi.debut)
    return suivi


def convenir_cadre(session: Session, suivi: SuiviIntegration, *, par, donnees: dict, aujourd_hui: date
                   ) -> SuiviIntegration:
    """REAC CP14 « Définir avec l'employeur le cadre de la collaboration »."""
    if donnees["cadre_le"] > aujourd_hui:
        raise ErreurMetier("Le cadre ne peut pas être daté dans le futur.", "cadre_le")
    for champ, valeur in donnees.items():
        setattr(suivi, champ, valeur)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="cadre_integration", objet_id=suivi.id,
                                      le=suivi.cadre_le)
    if (suivi.non_discrimination or "").strip():
        # REAC CP15 « La législation sur la non-discrimination dans l'emploi est appliquée ».
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="non_discrimination_integration",
                                          objet_id=suivi.id, le=suivi.cadre_le)
    return suivi
