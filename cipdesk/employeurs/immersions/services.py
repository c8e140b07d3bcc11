"""Use cases of the immersions (PMSMP). Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.immersions import rules
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.employeurs.immersions.rules import StatutImmersion

MESSAGE_HORS_PERIMETRE = "Cette personne n'est pas dans votre file active : vous ne pouvez pas lui proposer d'immersion."


def _renouvellements(session: Session, immersion_id) -> int:
    """How many conventions the chain ending at `immersion_id` already renews (0 for a first one)."""
    n, courant = 0, immersion_id
    while courant is not None:
        courant = session.scalar(select(Immersion.renouvelle_id).where(Immersion.id == courant))
        n += 1 if courant is not None else 0
    return n


def creer_convention(session: Session, entreprise, personne, *, par, donnees: dict, dans_le_perimetre: bool,
                     renouvelle: Immersion | None = None) -> Immersion:
    """REAC CP13 « Informer et conseiller sur les mesures et dispositifs » : a PMSMP
    convention with the content the regulation requires, within its limits."""
    if personne is None or not dans_le_perimetre:
        raise ErreurMetier(MESSAGE_HORS_PERIMETRE, "personne_id")
    tuteur = donnees.pop("tuteur", None)
    if tuteur is None or tuteur.entreprise_id != entreprise.id:
        raise ErreurMetier("Choisissez le ou la tuteur·rice parmi les contacts de l'entreprise.", "tuteur_id")
    precedents = 0
    if renouvelle is not None:
        if renouvelle.personne_id != personne.id or renouvelle.entreprise_id != entreprise.id:
            raise ErreurMetier("Un renouvellement concerne la même personne et la même entreprise.", "renouvelle_id")
        precedents = _renouvellements(session, renouvelle.id) + 1
    for champ, message in rules.verifier_convention(donnees["debut"], donnees["fin"], precedents).items():
        raise ErreurMetier(message, champ)
    immersion = Immersion(structure_id=entreprise.structure_id, entreprise=entreprise, personne=personne,
                          tuteur=tuteur, conseiller_id=par.id, renouvelle_id=renouvelle.id if renouvelle else None,
                          objectif=rules.ObjectifPmsmp(donnees.pop("objectif")), **donnees)
    session.add(immersion)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="immersion", objet_id=immersion.id,
                                      le=immersion.debut)
    return immersion


def changer_statut(session: Session, immersion: Immersion, *, par, vers: StatutImmersion, le: date,
                   aujourd_hui: date) -> Immersion:
    if vers not in rules.TRANSITIONS[immersion.statut]:
        raise ErreurMetier(f"Une convention « {immersion.statut.libelle.lower()} » ne peut pas passer à "
                           f"« {vers.libelle.lower()} ».", "statut")
    if le > aujourd_hui:
        raise ErreurMetier("La date ne peut pas être dans le futur.", "le")
    if vers == StatutImmersion.SIGNEE:
        if le > immersion.debut:
            raise ErreurMetier("La convention se signe avant le début de l'immersion.", "le")
        immersion.signee_le = le
    immersion.statut = vers
    session.flush()
    return immersion


def faire_le_bilan(session: Session, immersion: Immersion, *, par, donnees: dict, aujourd_hui: date) -> Immersion:
    if immersion.statut != StatutImmersion.SIGNEE:
        raise ErreurMetier("Le bilan se fait sur une convention signée.")
    if donnees["bilan_le"] < immersion.debut or donnees["bilan_le"] > aujourd_hui:
        raise ErreurMetier("Le bilan se date entre le début de l'immersion et aujourd'hui.", "bilan_le")
    for champ, valeur in donnees.items():
        setattr(immersion, champ, valeur)
    immersion.statut = StatutImmersion.REALISEE
    session.flush()
    signaux.contact_realise.send(session, personne=immersion.personne, le=donnees["bilan_le"], aujourd_hui=aujourd_hui)
    return immersion


def nombre_en_cours(session: Session, structure_id) -> int:
    return session.scalar(select(func.count()).select_from(Immersion).where(
        Immersion.structure_id == structure_id, Immersion.statut == StatutImmersion.SIGNEE))
