"""Use cases of the projet professionnel (REAC CP7) and of its réalisation (CP8)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.services import exiger_modification, sans_ecrasement, verifier_version
from cipdesk.core import listes
from cipdesk.parcours.projet.models import ActionPlan, Confrontation, MetierExplore, Projet
from cipdesk.parcours.projet.rules import (Faisabilite, NatureAction, StatutAction,
                                           StatutDossierFormation, TypeConfrontation,
                                           verifier_metier, verifier_validation)

CHAMPS_BILAN = ("interets", "valeurs", "motivations", "competences_transferables", "qualites", "talents")


def _ouvert(parcours: Parcours, champ: str) -> None:
    if not parcours.est_ouvert:
        raise ErreurMetier("Le parcours est clos : son projet professionnel et son plan d'action ne se "
                           "modifient plus.", champ)


def demarrer_projet(session: Session, parcours: Parcours, *, par, le: date) -> Projet:
    exiger_modification(session, par, parcours.personne)
    _ouvert(parcours, "phase_code")
    if parcours.projet is not None:
        return parcours.projet
    code, libelle = listes.valeurs_actives(session, parcours.structure_id, "phase_projet")[0]
    projet = Projet(structure_id=parcours.structure_id, parcours_id=parcours.id, phase_code=code,
                    phase_libelle=libelle)
    session.add(projet)
    parcours.projet = projet
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="projet", objet_id=projet.id,
                                      le=le)
    return projet


@sans_ecrasement("Le projet")
def enregistrer_bilan(session: Session, projet: Projet, *, par, version: int | None, phase_code: str,
                      **bilan: str) -> Projet:
    """The phase of the methodology and the bilan identified with the person
    (REAC CP7: « Les compétences, qualités et talents sont identifiés avec la personne »)."""
    exiger_modification(session, par, projet.parcours.personne)
    verifier_version(projet, version, "Le projet")
    _ouvert(projet.parcours, "phase_code")
    if phase_code != projet.phase_code:
        valeurs = listes.valeurs(session, projet.structure_id, "phase_projet")
        if phase_code not in dict(listes.actives(valeurs)):
            raise ErreurMetier("Choisissez une phase de la méthodologie.", "phase_code")
        projet.phase_code = phase_code
        projet.phase_libelle = listes.libelle(valeurs, phase_code)
    for champ in CHAMPS_BILAN:
        if champ in bilan:
            setattr(projet, champ, (bilan[champ] or "").strip())
    session.flush()
    return projet


def ajouter_metier(session: Session, projet: Projet, *, par, rome_code: str, libelle: str) -> MetierExplore:
    exiger_modification(session, par, projet.parcours.personne)
    _ouvert(projet.parcours, "rome_code")
    code, libelle = verifier_metier(rome_code, libelle)
    if any((m.rome_code and m.rome_code == code) or m.libelle.lower() == libelle.lower()
           for m in projet.metiers):
        raise ErreurMetier("Ce métier est déjà exploré.", "rome_code")
    metier = MetierExplore(structure_id=projet.structure_id, projet_id=projet.id, rome_code=code,
                           libelle=libelle[:200])
    session.add(metier)
    projet.metiers.append(metier)
    session.flush()
    return metier


def evaluer_faisabilite(session: Session, metier: MetierExplore, *, par, faisabilite: Faisabilite,
                        analyse: str) -> MetierExplore:
    exiger_modification(session, par, metier.projet.parcours.personne)
    if faisabilite != Faisabilite.A_EVALUER and not (analyse or "").strip():
        raise ErreurMetier("Expliquez ce qui fonde cette appréciation de faisabilité.", "analyse_faisabilite")
    metier.faisabilite = faisabilite
    metier.analyse_faisabilite = (analyse or "").strip()
    session.flush()
    return metier


def ajouter_confrontation(session: Session, projet: Projet, *, par, type_confrontation: TypeConfrontation,
                          le: date | None, fin_le: date | None = None, employeur: str = "",
                          metier: MetierExplore | None = None, resultat: str = "",
                          aujourd_hui: date) -> Confrontation:
    """REAC CP7: « La confrontation du projet avec les réalités professionnelles
    est planifiée et accompagnée »."""
    exiger_modification(session, par, projet.parcours.personne)
    _ouvert(projet.parcours, "type_confrontation")
    if le is None:
        raise ErreurMetier("Indiquez la date.", "le")
    if fin_le is not None and fin_le < le:
        raise ErreurMetier("La fin doit suivre le début.", "fin_le")
    if type_confrontation in (TypeConfrontation.IMMERSION, TypeConfrontation.VISITE_ENTREPRISE) \
            and not (employeur or "").strip():
        raise ErreurMetier("Indiquez l'employeur d'accueil.", "employeur")
    if metier is not None and metier.projet_id != projet.id:
        raise ErreurMetier("Choisissez un métier exploré de ce projet.", "metier_id")
    confrontation = Confrontation(structure_id=projet.structure_id, projet_id=projet.id,
                                  type_confrontation=type_confrontation, le=le, fin_le=fin_le,
                                  employeur=(employeur or "").strip()[:200],
                                  metier_id=metier.id if metier else None,
                                  resultat=(resultat or "").strip())
    session.add(confrontation)
    projet.confrontations.append(confrontation)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="confrontation",
                                      objet_id=confrontation.id, le=min(le, aujourd_hui))
    return confrontation


@sans_ecrasement("Le projet")
def valider_projet(session: Session, projet: Projet, *, par, version: int | None, projet_valide: str,
                   le: date | None, aujourd_hui: date) -> Projet:
    exiger_modification(session, par, projet.parcours.personne)
    verifier_version(projet, version, "Le projet")
    _ouvert(projet.parcours, "projet_valide")
    verifier_validation(projet.metiers, projet_valide)
    if le is None or le > aujourd_hui or le < projet.parcours.debut:
        raise ErreurMetier("La date de validation doit être comprise entre le début du parcours et "
                           "aujourd'hui.", "valide_le")
    projet.projet_valide = projet_valide.strip()
    projet.valide_le = le
    session.flush()
    return projet


def ajouter_action(session: Session, parcours: Parcours, *, par, nature: NatureAction, intitule: str,
                   echeance: date | None, organisme: str = "", modalite: str = "",
                   debut: date | None = None, fin: date | None = None, financement_code: str = "",
                   statut_dossier: StatutDossierFormation | None = None, offre: str = "",
                   resultat: str = "", le: date) -> ActionPlan:
    """A line of the plan d'action (REAC CP8: « Le plan d'action est cohérent avec
    le projet défini en amont »)."""
    exiger_modification(session, par, parcours.personne)
    _ouvert(parcours, "intitule")
    intitule = (intitule or "").strip()
    if not intitule:
        raise ErreurMetier("Décrivez l'action.", "intitule")
    if echeance is not None and echeance < parcours.debut:
        raise ErreurMetier("L'échéance doit être postérieure au début du parcours.", "echeance")
    if debut and fin and fin < debut:
        raise ErreurMetier("La fin doit suivre le début.", "fin")
    financement_libelle = ""
    if nature == NatureAction.FORMATION:
        if not (organisme or "").strip():
            raise ErreurMetier("Indiquez l'organisme de formation.", "organisme")
        if financement_code:
            valeurs = listes.valeurs(session, parcours.structure_id, "financement")
            if financement_code not in dict(listes.actives(valeurs)):
                raise ErreurMetier("Choisissez un financement de la liste.", "financement_code")
            financement_libelle = listes.libelle(valeurs, financement_code)
    elif nature == NatureAction.CANDIDATURE and not (organisme or "").strip():
        raise ErreurMetier("Indiquez l'employeur.", "organisme")
    action = ActionPlan(structure_id=parcours.structure_id, parcours_id=parcours.id, nature=nature,
                        intitule=intitule[:300], organisme=(organisme or "").strip()[:200],
                        modalite=(modalite or "").strip()[:120], debut=debut, fin=fin,
                        financement_code=financement_code if nature == NatureAction.FORMATION else "",
                        financement_libelle=financement_libelle,
                        statut_dossier=statut_dossier if nature == NatureAction.FORMATION else None,
                        offre=(offre or "").strip()[:300], resultat=(resultat or "").strip(),
                        echeance=echeance, statut=StatutAction.PREVUE)
    session.add(action)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="action_plan", objet_id=action.id,
                                      le=le)
    return action


def changer_statut_action(session: Session, action: ActionPlan, *, par, statut: StatutAction,
                          resultat: str = "", le: date) -> ActionPlan:
    exiger_modification(session, par, action.parcours.personne)
    action.statut = statut
    if (resultat or "").strip():
        action.resultat = resultat.strip()
    session.flush()
    return action
