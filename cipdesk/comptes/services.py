"""Accounts use cases: authenticate with throttling, change a password,
create structures, équipes and users. They flush, never commit."""
from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import (Equipe, ProfilCandidat, Role, Structure, TentativeConnexion,
                                    Utilisateur, VoieCandidat)
from cipdesk.comptes.rules import identifiant_journalisable
from cipdesk.db import utcnow
from cipdesk.erreurs import ErreurMetier
from cipdesk.security import passwords, policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.throttle import Limites, connexion_bloquee

MESSAGE_ECHEC = "Adresse électronique ou mot de passe incorrect."


def normaliser_email(email: str) -> str:
    return (email or "").strip().lower()


def utilisateur_par_email(session: Session, email: str) -> Utilisateur | None:
    return session.scalar(select(Utilisateur).where(Utilisateur.email == normaliser_email(email)))


def _echecs_recents(session: Session, colonne, valeur: str, depuis) -> int:
    return session.scalar(
        select(func.count()).select_from(TentativeConnexion)
        .where(colonne == valeur, TentativeConnexion.succes.is_(False), TentativeConnexion.at >= depuis)
    ) or 0


def authentifier(session: Session, *, email: str, mot_de_passe: str, adresse_ip: str,
                 limites: Limites) -> Utilisateur:
    """Return the user, or raise ErreurMetier with a French message. Every
    attempt is recorded; too many recent failures block further tries."""
    email = normaliser_email(email)
    utilisateur = utilisateur_par_email(session, email)
    # Never a password typed in the wrong field in the logs (issue #10, point 9).
    identifiant = identifiant_journalisable(email, compte_existe=utilisateur is not None)
    depuis = utcnow() - timedelta(minutes=limites.fenetre_minutes)
    bloque = connexion_bloquee(
        _echecs_recents(session, TentativeConnexion.identifiant, identifiant, depuis),
        _echecs_recents(session, TentativeConnexion.adresse_ip, adresse_ip, depuis),
        limites,
    )
    if bloque:
        session.add(TentativeConnexion(identifiant=identifiant, adresse_ip=adresse_ip, succes=False))
        journaliser(session, acteur=None, action=Action.ECHEC_CONNEXION, objet_type="compte",
                    objet_id=identifiant[:64], motif="tentatives bloquées")
        raise ErreurMetier(bloque)
    valide = passwords.verifier(utilisateur.password_hash if utilisateur else passwords.HASH_LEURRE,
                                mot_de_passe)
    if not (utilisateur and valide and utilisateur.actif):
        session.add(TentativeConnexion(identifiant=identifiant, adresse_ip=adresse_ip, succes=False))
        journaliser(session, acteur=None, action=Action.ECHEC_CONNEXION, objet_type="compte",
                    objet_id=identifiant[:64],
                    structure_id=utilisateur.structure_id if utilisateur else None)
        raise ErreurMetier(MESSAGE_ECHEC)
    if passwords.doit_rehacher(utilisateur.password_hash):
        utilisateur.password_hash = passwords.hacher(mot_de_passe)
    utilisateur.last_login_at = utcnow()
    session.add(TentativeConnexion(identifiant=identifiant, adresse_ip=adresse_ip, succes=True))
    journaliser(session, acteur=utilisateur, action=Action.CONNEXION, objet_type="compte",
                objet_id=utilisateur.id)
    return utilisateur


def _verifier_force(mot_de_passe: str, utilisateur_ou_champs, champ: str) -> None:
    contexte = [getattr(utilisateur_ou_champs, a, "") for a in ("prenom", "nom", "email")]
    problemes = passwords.problemes_mot_de_passe(mot_de_passe, contexte=contexte)
    if problemes:
        raise ErreurMetier(" ".join(problemes), champ)


def changer_mot_de_passe(session: Session, *, utilisateur: Utilisateur, actuel: str, nouveau: str) -> None:
    if not passwords.verifier(utilisateur.password_hash, actuel):
        raise ErreurMetier("Le mot de passe actuel est incorrect.", "actuel")
    if actuel == nouveau:
        raise ErreurMetier("Le nouveau mot de passe doit être différent de l'actuel.", "nouveau")
    _verifier_force(nouveau, utilisateur, "nouveau")
    utilisateur.password_hash = passwords.hacher(nouveau)
    utilisateur.password_changed_at = utcnow()
    utilisateur.session_epoch += 1  # every other session of this user ends
    session.flush()
    journaliser(session, acteur=utilisateur, action=Action.MODIFICATION, objet_type="compte",
                objet_id=utilisateur.id, details={"champs": ["mot_de_passe"]})


def creer_structure(session: Session, *, par: Utilisateur | None, nom: str, type_structure: str = "",
                    ville: str = "", parametres: dict | None = None) -> Structure:
    nom = nom.strip()
    if not nom:
        raise ErreurMetier("Le nom de la structure est obligatoire.", "nom")
    if session.scalar(select(Structure).where(func.lower(Structure.nom) == nom.lower())):
        raise ErreurMetier("Une structure porte déjà ce nom.", "nom")
    structure = Structure(id=uuid.uuid4(), nom=nom, type_structure=type_structure.strip(),
                          ville=ville.strip(), parametres=parametres or {})
    session.add(structure)
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure",
                objet_id=structure.id, structure_id=structure.id, details={"operation": "creation"})
    return structure


def creer_equipe(session: Session, *, par: Utilisateur | None, structure: Structure, nom: str) -> Equipe:
    nom = nom.strip()
    if not nom:
        raise ErreurMetier("Le nom de l'équipe est obligatoire.", "nom")
    if session.scalar(select(Equipe).where(Equipe.structure_id == structure.id,
                                           func.lower(Equipe.nom) == nom.lower())):
        raise ErreurMetier("Cette structure a déjà une équipe de ce nom.", "nom")
    equipe = Equipe(id=uuid.uuid4(), structure_id=structure.id, nom=nom)
    session.add(equipe)
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="equipe",
                objet_id=equipe.id, structure_id=structure.id, details={"operation": "creation"})
    return equipe


def creer_utilisateur(session: Session, *, par: Utilisateur | None, structure: Structure,
                      email: str, prenom: str, nom: str, role: Role, mot_de_passe: str,
                      equipe: Equipe | None = None, verifier_force: bool = True,
                      candidat: dict | None = None) -> Utilisateur:
    """`candidat`: {"voie": VoieCandidat, "date_session": date|None, "referentiel_code": str}."""
    email = normaliser_email(email)
    if utilisateur_par_email(session, email):
        raise ErreurMetier("Un compte existe déjà avec cette adresse électronique.", "email")
    if equipe is not None and equipe.structure_id != structure.id:
        raise ErreurMetier("Cette équipe n'appartient pas à la structure choisie.", "equipe")
    if role == Role.CHEF_DE_SERVICE and equipe is None:
        raise ErreurMetier("Un·e chef·fe de service encadre une équipe : choisissez-la.", "equipe")
    if candidat and role != Role.CONSEILLER:
        raise ErreurMetier("Seul·e un·e conseiller·ère peut être candidat·e au titre CIP.", "candidat")
    utilisateur = Utilisateur(id=uuid.uuid4(), structure_id=structure.id,
                              equipe_id=equipe.id if equipe else None, email=email,
                              prenom=prenom.strip(), nom=nom.strip(), role=role, password_hash="")
    if verifier_force:
        _verifier_force(mot_de_passe, utilisateur, "mot_de_passe")
    utilisateur.password_hash = passwords.hacher(mot_de_passe)
    session.add(utilisateur)
    session.flush()
    if candidat:
        definir_profil_candidat(session, utilisateur=utilisateur, **candidat)
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="compte",
                objet_id=utilisateur.id, structure_id=structure.id,
                details={"operation": "creation", "role": role.value})
    return utilisateur


def definir_profil_candidat(session: Session, *, utilisateur: Utilisateur, voie: VoieCandidat,
                            date_session: date | None = None,
                            referentiel_code: str = "reac-2018") -> ProfilCandidat:
    from cipdesk.referentiel import REFERENTIELS

    if referentiel_code not in REFERENTIELS:
        raise ErreurMetier("Référentiel inconnu.", "referentiel")
    profil = utilisateur.profil_candidat or ProfilCandidat(utilisateur=utilisateur,
                                                            structure_id=utilisateur.structure_id)
    profil.voie = voie
    profil.date_session = date_session
    profil.referentiel_code = referentiel_code
    session.add(profil)
    session.flush()
    return profil


MESSAGE_TUTEUR = ("Le ou la tuteur·rice doit être un·e conseiller·ère ou un·e chef·fe de service, actif·ve, "
                  "de la structure du ou de la candidat·e, et ne peut pas être le ou la candidat·e.")


def designer_tuteur(session: Session, *, par: Utilisateur, candidat: Utilisateur,
                    tuteur: Utilisateur | None) -> ProfilCandidat:
    """Designate (or remove, with None) the candidat's tutor, who reads their
    coverage only with their consent. Rule: policy.peut_designer_tuteur."""
    profil = candidat.profil_candidat
    if profil is None:
        raise ErreurMetier("Ce compte n'est pas candidat·e au titre CIP.", "tuteur")
    if tuteur is not None and tuteur.id == par.id:
        raise ErreurMetier("Vous ne pouvez pas vous désigner vous-même tuteur·rice.", "tuteur")
    if tuteur is not None and not policy.peut_designer_tuteur(par, candidat, tuteur):
        raise ErreurMetier(MESSAGE_TUTEUR, "tuteur")
    profil.tuteur_id = tuteur.id if tuteur else None
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="profil_candidat",
                objet_id=candidat.id, structure_id=candidat.structure_id,
                details={"tuteur": str(tuteur.id) if tuteur else ""})
    return profil


def modifier_acces(session: Session, *, par: Utilisateur, utilisateur: Utilisateur,
                   role: Role | None = None, actif: bool | None = None) -> None:
    if utilisateur.id == par.id and (actif is False or (role and role != Role.ADMIN)):
        raise ErreurMetier("Vous ne pouvez pas retirer vos propres droits d'administration.", "role")
    if role is not None:
        utilisateur.role = role
    if actif is not None:
        utilisateur.actif = actif
    utilisateur.session_epoch += 1  # the change applies at once: sessions end
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="compte",
                objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                details={"operation": "acces", "role": str(utilisateur.role), "actif": utilisateur.actif})
