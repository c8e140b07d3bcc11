"""Accounts use cases: authenticate with throttling, sessions kept on the
server, change a password, create structures, équipes and users, designate a
tutor. They flush, never commit."""
from __future__ import annotations

import functools
import hashlib
import secrets
import uuid
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session, joinedload

from cipdesk.comptes.models import (Brouillon, Equipe, NavigateurDeConfiance, ProfilCandidat, Role,
                                    SessionConnexion, Structure, TentativeConnexion, Utilisateur, VoieCandidat)
from cipdesk.comptes.rules import (DUREE_BROUILLON, LIBELLES_FIN, FinSession, brouillon_perime, en_utc,
                                   identifiant_journalisable, passage_a_noter, resume_agent, session_expiree)
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import passwords, policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.throttle import Echecs, Limites, attente, message_attente

MESSAGE_ECHEC = "Adresse électronique ou mot de passe incorrect."


def normaliser_email(email: str) -> str:
    return (email or "").strip().lower()


def utilisateur_par_email(session: Session, email: str) -> Utilisateur | None:
    return session.scalar(select(Utilisateur).where(Utilisateur.email == normaliser_email(email)))


# -- login and its throttling (issue #10, points 3 and 9) --------------------------------
_T = TentativeConnexion


def _echecs(session: Session, depuis: datetime, *conditions) -> Echecs:
    nombre, dernier = session.execute(
        select(func.count(), func.max(_T.at)).where(_T.succes.is_(False), _T.at >= depuis, *conditions)).one()
    return Echecs(nombre or 0, en_utc(dernier) if dernier else None)


def _apres_dernier_succes(session: Session, plancher: datetime, *conditions) -> datetime:
    succes = session.scalar(select(func.max(_T.at)).where(_T.succes.is_(True), _T.at >= plancher, *conditions))
    return max(plancher, en_utc(succes)) if succes else plancher


def compteurs_d_echecs(session: Session, *, identifiant: str, adresse_ip: str, appareil: str | None,
                       debloque_le: datetime | None, maintenant: datetime, limites: Limites) -> dict:
    """The counters of the throttling rule (security/throttle.py), read in the
    database so that every worker sees the same. An admin's unlock forgets
    what came before it, for this account."""
    memoire = maintenant - timedelta(hours=limites.memoire_heures)
    fenetre = maintenant - timedelta(minutes=limites.fenetre_minutes)
    if debloque_le is not None:
        memoire, fenetre = max(memoire, en_utc(debloque_le)), max(fenetre, en_utc(debloque_le))
    if appareil is not None:
        cle = (_T.identifiant == identifiant, _T.appareil == appareil)
        return {"poste": _echecs(session, _apres_dernier_succes(session, memoire, *cle), *cle),
                "compte": None, "adresse": None}
    paire = (_T.identifiant == identifiant, _T.adresse_ip == adresse_ip)
    inconnu = _T.appareil.is_(None)
    return {
        "poste": _echecs(session, _apres_dernier_succes(session, memoire, *paire), *paire, inconnu),
        "compte": _echecs(session, fenetre, _T.identifiant == identifiant, inconnu),
        "adresse": _echecs(session, fenetre, _T.adresse_ip == adresse_ip, inconnu),
    }


def authentifier(session: Session, *, email: str, mot_de_passe: str, adresse_ip: str,
                 limites: Limites, maintenant: datetime,
                 appareils: Mapping[str, str] | None = None) -> Utilisateur:
    """Return the user, or raise ErreurMetier with a French message.

    `appareils`: {user id: device id} from the browser's signed device cookie.
    An attempt checked against a password is recorded; one refused by the
    throttling is only audited: it is not a failure and lengthens nothing."""
    email = normaliser_email(email)
    utilisateur = utilisateur_par_email(session, email)
    # Never a password typed in the wrong field in the logs (issue #10, point 9).
    identifiant = identifiant_journalisable(email, compte_existe=utilisateur is not None)
    appareil = (appareils or {}).get(str(utilisateur.id)) if utilisateur else None
    structure_id = utilisateur.structure_id if utilisateur else None
    attendre = attente(**compteurs_d_echecs(
        session, identifiant=identifiant, adresse_ip=adresse_ip, appareil=appareil,
        debloque_le=utilisateur.connexion_debloquee_le if utilisateur else None,
        maintenant=maintenant, limites=limites), maintenant=maintenant, limites=limites)
    if attendre:
        journaliser(session, acteur=None, action=Action.ECHEC_CONNEXION, objet_type="compte",
                    objet_id=identifiant[:64], structure_id=structure_id,
                    motif="tentative refusée : limitation des connexions",
                    details={"attente_secondes": int(attendre.total_seconds())})
        raise ErreurMetier(message_attente(attendre, appareil_connu=appareil is not None))
    valide = passwords.verifier(utilisateur.password_hash if utilisateur else passwords.HASH_LEURRE,
                                mot_de_passe)
    tentative = TentativeConnexion(identifiant=identifiant, adresse_ip=adresse_ip, appareil=appareil,
                                   at=maintenant)
    if not (utilisateur and valide and utilisateur.actif):
        tentative.succes = False
        session.add(tentative)
        journaliser(session, acteur=None, action=Action.ECHEC_CONNEXION, objet_type="compte",
                    objet_id=identifiant[:64], structure_id=structure_id)
        raise ErreurMetier(MESSAGE_ECHEC)
    if passwords.doit_rehacher(utilisateur.password_hash):
        utilisateur.password_hash = passwords.hacher(mot_de_passe)
    utilisateur.last_login_at = maintenant
    tentative.succes = True
    session.add(tentative)
    journaliser(session, acteur=utilisateur, action=Action.CONNEXION, objet_type="compte",
                objet_id=utilisateur.id)
    return utilisateur


def debloquer_connexion(session: Session, *, par: Utilisateur, utilisateur: Utilisateur,
                        maintenant: datetime) -> None:
    """An admin lets the account log in again at once: the failures recorded so
    far no longer count for it (nor the failures of its address before now)."""
    _verifier_administrateur(par, utilisateur.structure_id)
    utilisateur.connexion_debloquee_le = maintenant
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="compte",
                objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                details={"operation": "deblocage_connexion"})


# -- sessions kept on the server (issue #10, point 2) ----------------------------------
CONSERVATION_SESSIONS_FERMEES = timedelta(days=30)


def _empreinte(jeton: str) -> str:
    return hashlib.sha256(jeton.encode()).hexdigest()


def ouvrir_session(session: Session, *, utilisateur: Utilisateur, agent: str, adresse_ip: str,
                   maintenant: datetime) -> str:
    """Record a new login session and return the random token the session cookie
    will carry; only its SHA-256 is stored. This user's sessions ended more than
    30 days ago are deleted on the way."""
    session.execute(delete(SessionConnexion).where(
        SessionConnexion.utilisateur_id == utilisateur.id, SessionConnexion.fin.is_not(None),
        SessionConnexion.fin < maintenant - CONSERVATION_SESSIONS_FERMEES))
    jeton = secrets.token_urlsafe(32)
    session.add(SessionConnexion(id=uuid.uuid4(), utilisateur_id=utilisateur.id, empreinte=_empreinte(jeton),
                                 debut=maintenant, vu_le=maintenant, agent=resume_agent(agent),
                                 adresse_ip=adresse_ip[:64]))
    session.flush()
    return jeton


def _fermer(session: Session, ligne: SessionConnexion, *, motif: str, maintenant: datetime,
            par: Utilisateur | None = None) -> None:
    if ligne.fin is not None:
        return
    ligne.fin, ligne.motif_fin = maintenant, motif
    journaliser(session, acteur=par, action=Action.DECONNEXION, objet_type="compte",
                objet_id=ligne.utilisateur_id, structure_id=ligne.utilisateur.structure_id,
                motif=LIBELLES_FIN.get(motif, motif), details={"session": str(ligne.id)})


def session_en_cours(session: Session, *, utilisateur: Utilisateur, jeton: str | None, maintenant: datetime,
                     inactivite: timedelta, duree_max: timedelta) -> SessionConnexion | None:
    """The open session this cookie token names, or None. A session past its idle
    or absolute limit is ended here, on the server. Last-seen is written at most
    once a minute, so that a request does not write each time."""
    if not jeton:
        return None
    ligne = session.scalar(select(SessionConnexion).where(SessionConnexion.empreinte == _empreinte(jeton)))
    return _encore_ouverte(session, ligne, utilisateur=utilisateur, maintenant=maintenant,
                           inactivite=inactivite, duree_max=duree_max)


def utilisateur_de_la_session(session: Session, *, utilisateur_id: uuid.UUID, epoch: str, jeton: str | None,
                              maintenant: datetime, inactivite: timedelta, duree_max: timedelta,
                              signature_tardive: bool = False) -> tuple[Utilisateur, SessionConnexion] | None:
    """The user loader's whole check in one statement (it runs on every request): the
    account, active, at the login's epoch (a password change or a revocation bumps it),
    and the open server-side session this cookie token names (`session_en_cours`'s
    rules). What every page reads of the account comes in the same statement: its
    structure and équipe (headers of many pages), its candidat profile (the menu asks
    `est_candidat`).

    A cookie signed longer ago than the idle limit (`signature_tardive`, web.securite)
    never gives access: it is read only so that its session, idle past its limit, is
    ended here (comptes.routes then keeps what a POST carried, for that user). A session
    still open is left as it was (last-seen not extended): an old copy of the cookie."""
    if not jeton:
        return None
    trouve = session.execute(_requete_de_la_session(),
                             {"utilisateur_id": utilisateur_id, "empreinte": _empreinte(jeton)}).first()
    if trouve is None:
        return None
    utilisateur, ligne = trouve
    if not utilisateur.actif or str(utilisateur.session_epoch) != epoch:
        return None
    ligne = _encore_ouverte(session, ligne, utilisateur=utilisateur, maintenant=maintenant,
                            inactivite=inactivite, duree_max=duree_max, signature_tardive=signature_tardive)
    return None if ligne is None or signature_tardive else (utilisateur, ligne)


@functools.cache
def _requete_de_la_session():
    # Built once: building this statement (its options) cost as much as running it.
    return (select(Utilisateur, SessionConnexion)
            .join(SessionConnexion, SessionConnexion.utilisateur_id == Utilisateur.id)
            .where(Utilisateur.id == bindparam("utilisateur_id"),
                   SessionConnexion.empreinte == bindparam("empreinte"))
            .options(joinedload(Utilisateur.structure), joinedload(Utilisateur.equipe),
                     joinedload(Utilisateur.profil_candidat)))


def _encore_ouverte(session: Session, ligne: SessionConnexion | None, *, utilisateur: Utilisateur,
                    maintenant: datetime, inactivite: timedelta, duree_max: timedelta,
                    signature_tardive: bool = False) -> SessionConnexion | None:
    if ligne is None or ligne.utilisateur_id != utilisateur.id or ligne.fin is not None:
        return None
    motif = session_expiree(debut=ligne.debut, vu_le=ligne.vu_le, maintenant=maintenant,
                            inactivite=inactivite, duree_max=duree_max, signature_tardive=signature_tardive)
    if motif:
        _fermer(session, ligne, motif=motif, maintenant=maintenant)
        return None
    if signature_tardive:
        return ligne  # refused by the caller: an old cookie extends nothing
    if passage_a_noter(ligne.vu_le, maintenant):
        ligne.vu_le = maintenant
    return ligne


def fermer_session(session: Session, *, ligne: SessionConnexion | None, motif: str, maintenant: datetime) -> None:
    """Logout: the session ends on the server, a copy of the cookie is worthless."""
    if ligne is not None:
        _fermer(session, ligne, motif=motif, maintenant=maintenant, par=ligne.utilisateur)
        session.flush()


def terminer_session(session: Session, *, utilisateur: Utilisateur, session_id: uuid.UUID,
                     courante: SessionConnexion | None, maintenant: datetime) -> SessionConnexion:
    """"Mes sessions" → Terminer: one of the user's *other* sessions. Another
    user's session is not found (404)."""
    ligne = session.get(SessionConnexion, session_id)
    if ligne is None or ligne.utilisateur_id != utilisateur.id:
        raise policy.Introuvable()
    if courante is not None and ligne.id == courante.id:
        raise ErreurMetier("Pour fermer la session de ce navigateur, utilisez « Se déconnecter ».")
    _fermer(session, ligne, motif=FinSession.TERMINEE, maintenant=maintenant, par=utilisateur)
    session.flush()
    return ligne


def terminer_autres_sessions(session: Session, *, utilisateur: Utilisateur, courante: SessionConnexion | None,
                             maintenant: datetime, motif: str = FinSession.TERMINEE,
                             par: Utilisateur | None = None) -> int:
    """End every open session of the user but `courante`; return how many."""
    lignes = session.scalars(select(SessionConnexion).where(
        SessionConnexion.utilisateur_id == utilisateur.id, SessionConnexion.fin.is_(None))).all()
    fermees = 0
    for ligne in lignes:
        if courante is None or ligne.id != courante.id:
            _fermer(session, ligne, motif=motif, maintenant=maintenant, par=par or utilisateur)
            fermees += 1
    session.flush()
    return fermees


def _verifier_force(mot_de_passe: str, utilisateur_ou_champs, champ: str) -> None:
    contexte = [getattr(utilisateur_ou_champs, a, "") for a in ("prenom", "nom", "email")]
    problemes = passwords.problemes_mot_de_passe(mot_de_passe, contexte=contexte)
    if problemes:
        raise ErreurMetier(" ".join(problemes), champ)


def changer_mot_de_passe(session: Session, *, utilisateur: Utilisateur, actuel: str, nouveau: str,
                         courante: SessionConnexion | None = None) -> None:
    """Every other session of the user ends (epoch, and on the server); `courante` stays open."""
    if not passwords.verifier(utilisateur.password_hash, actuel):
        raise ErreurMetier("Le mot de passe actuel est incorrect.", "actuel")
    if actuel == nouveau:
        raise ErreurMetier("Le nouveau mot de passe doit être différent de l'actuel.", "nouveau")
    _verifier_force(nouveau, utilisateur, "nouveau")
    utilisateur.password_hash = passwords.hacher(nouveau)
    utilisateur.password_changed_at = utcnow()
    utilisateur.session_epoch += 1  # every other session of this user ends
    terminer_autres_sessions(session, utilisateur=utilisateur, courante=courante,
                             maintenant=utilisateur.password_changed_at, motif=FinSession.MOT_DE_PASSE)
    # Browsers remembered for the second factor are forgotten too (issue #18, point 12).
    oublier_navigateurs(session, utilisateur=utilisateur, maintenant=utilisateur.password_changed_at)
    journaliser(session, acteur=utilisateur, action=Action.MODIFICATION, objet_type="compte",
                objet_id=utilisateur.id, details={"champs": ["mot_de_passe"]})


def _verifier_administrateur(par: Utilisateur | None, structure_id) -> None:
    """Defence in depth behind the routes: an admin acts on their own structure only
    (policy.peut_administrer_structure). `par=None` is the operator's command line."""
    if par is not None and not policy.peut_administrer_structure(par, structure_id):
        raise policy.Introuvable()


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
    _verifier_administrateur(par, structure.id)
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
    _verifier_administrateur(par, structure.id)
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
    _verifier_administrateur(par, utilisateur.structure_id)
    if utilisateur.id == par.id and (actif is False or (role and role != Role.ADMIN)):
        raise ErreurMetier("Vous ne pouvez pas retirer vos propres droits d'administration.", "role")
    if role is not None:
        utilisateur.role = role
    if actif is not None:
        utilisateur.actif = actif
    utilisateur.session_epoch += 1  # the change applies at once: sessions end
    terminer_autres_sessions(session, utilisateur=utilisateur, courante=None, maintenant=utcnow(),
                             motif=FinSession.ADMINISTRATION, par=par)
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="compte",
                objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                details={"operation": "acces", "role": str(utilisateur.role), "actif": utilisateur.actif})


# -- what was typed when the session had ended (issue #10, point 10) --------------------
def session_par_jeton(session: Session, jeton: str | None) -> SessionConnexion | None:
    """The server-side session a cookie token names, open or ended."""
    if not jeton or not isinstance(jeton, str):
        return None
    return session.scalar(select(SessionConnexion).where(SessionConnexion.empreinte == _empreinte(jeton)))


def purger_brouillons(session: Session, *, maintenant: datetime) -> int:
    """Forget every draft older than DUREE_BROUILLON (also called by the retention purge)."""
    resultat = session.execute(delete(Brouillon).where(Brouillon.cree_le < maintenant - DUREE_BROUILLON))
    return resultat.rowcount or 0


def garder_brouillon(session: Session, *, utilisateur: Utilisateur, page: str, champs: dict[str, list[str]],
                     maintenant: datetime) -> Brouillon:
    """Keep the fields of a form sent after the session ended, encrypted with the
    author's structure key, one per user and page (the latest wins)."""
    purger_brouillons(session, maintenant=maintenant)
    session.execute(delete(Brouillon).where(Brouillon.utilisateur_id == utilisateur.id, Brouillon.page == page))
    brouillon = Brouillon(id=uuid.uuid4(), utilisateur_id=utilisateur.id, structure_id=utilisateur.structure_id,
                          page=page[:500], cree_le=maintenant)
    brouillon.champs = champs
    session.add(brouillon)
    session.flush()
    return brouillon


def brouillon_a_reprendre(session: Session, *, utilisateur: Utilisateur, maintenant: datetime) -> Brouillon | None:
    """At login: this user's latest draft still in time (older ones are purged)."""
    purger_brouillons(session, maintenant=maintenant)
    return session.scalar(select(Brouillon).where(Brouillon.utilisateur_id == utilisateur.id)
                          .order_by(Brouillon.cree_le.desc()).limit(1))


def reprendre_brouillon(session: Session, *, utilisateur: Utilisateur, brouillon_id, page: str,
                        maintenant: datetime) -> tuple[dict[str, list[str]] | None, bool]:
    """(fields, still waiting): the fields of the user's draft when `page` is where it
    was typed; it is given back once, then deleted. Another user's draft is never found."""
    try:
        brouillon = session.get(Brouillon, uuid.UUID(str(brouillon_id)))
    except ValueError:
        return None, False
    if brouillon is None or brouillon.utilisateur_id != utilisateur.id or brouillon_perime(brouillon.cree_le, maintenant):
        return None, False
    if brouillon.page != page:
        return None, True
    champs = brouillon.champs
    session.delete(brouillon)
    session.flush()
    return champs, False


# -- « mot de passe oublié » (issue #18, point 5) -------------------------------------------
DUREE_JETON_REINITIALISATION = timedelta(minutes=30)
# Requests counted per (address typed × IP), per address typed, per IP, over an hour.
LIMITES_REINITIALISATION = Limites(par_compte=3, par_adresse=10, par_compte_toutes_adresses=10,
                                   fenetre_minutes=60, delai_initial_secondes=60)
MESSAGE_LIEN_INVALIDE = ("Ce lien de réinitialisation n'est plus valable (déjà utilisé, expiré ou incomplet). "
                         "Demandez-en un nouveau.")


def _demandes(session: Session, depuis: datetime, *conditions) -> Echecs:
    from cipdesk.comptes.models import JetonReinitialisation as J

    nombre, dernier = session.execute(select(func.count(J.id), func.max(J.cree_le)).where(
        J.cree_le >= depuis, *conditions)).one()
    return Echecs(nombre or 0, en_utc(dernier) if dernier else None)


def demander_reinitialisation(session: Session, *, email: str, adresse_ip: str, maintenant: datetime,
                              lien) -> timedelta:
    """Same writes and same answer whether the address names an account or not: a
    request row (the user, or none) and an outbox row (the e-mail, or « sans objet »).
    `lien(jeton)` makes the page's absolute address. Returns the wait imposed by the rate
    limit (zero: the request was taken)."""
    from cipdesk.comptes.models import JetonReinitialisation as J
    from cipdesk.courriel.envoi import deposer

    identifiant = _empreinte(normaliser_email(email))
    ip = (adresse_ip or "")[:64]
    depuis = maintenant - timedelta(minutes=LIMITES_REINITIALISATION.fenetre_minutes)
    reste = attente(poste=_demandes(session, depuis, J.identifiant_empreinte == identifiant, J.adresse_ip == ip),
                    compte=_demandes(session, depuis, J.identifiant_empreinte == identifiant),
                    adresse=_demandes(session, depuis, J.adresse_ip == ip),
                    maintenant=maintenant, limites=LIMITES_REINITIALISATION)
    if reste > timedelta(0):
        return reste
    utilisateur = utilisateur_par_email(session, email)
    cible = utilisateur if utilisateur is not None and utilisateur.actif else None
    jeton = secrets.token_urlsafe(32)
    session.add(J(utilisateur_id=cible.id if cible else None, empreinte=_empreinte(jeton),
                  identifiant_empreinte=identifiant, adresse_ip=ip, cree_le=maintenant,
                  expire_le=maintenant + DUREE_JETON_REINITIALISATION))
    contenu = None
    if cible is not None:
        contenu = {"a": cible.email, "sujet": "cipdesk — réinitialisation de votre mot de passe", "texte": "\n".join([
            f"Bonjour {cible.prenom},", "",
            "Une réinitialisation du mot de passe de votre compte cipdesk a été demandée. Pour choisir un nouveau "
            f"mot de passe, ouvrez ce lien (valable {int(DUREE_JETON_REINITIALISATION.total_seconds() // 60)} "
            "minutes, une seule fois) :", "", lien(jeton), "",
            "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste "
            "inchangé. Après la réinitialisation, toutes vos sessions ouvertes sont fermées."])}
    deposer(session, nature="reinitialisation", structure_id=cible.structure_id if cible else None, contenu=contenu,
            envoyer_a_partir_du=maintenant, maintenant=maintenant)
    journaliser(session, acteur=None, action=Action.MODIFICATION, objet_type="compte",
                objet_id=cible.id if cible else "", structure_id=cible.structure_id if cible else None,
                motif="Demande de réinitialisation du mot de passe")
    session.flush()
    return timedelta(0)


def jeton_valide(session: Session, jeton: str, maintenant: datetime):
    """The request this link names, if still usable (else None)."""
    from cipdesk.comptes.models import JetonReinitialisation as J

    if not jeton or len(jeton) > 100:
        return None
    ligne = session.scalar(select(J).where(J.empreinte == _empreinte(jeton)))
    if ligne is None or ligne.utilisateur_id is None or ligne.utilise_le is not None \
            or en_utc(ligne.expire_le) <= maintenant:
        return None
    utilisateur = session.get(Utilisateur, ligne.utilisateur_id)
    return ligne if utilisateur is not None and utilisateur.actif else None


def reinitialiser_mot_de_passe(session: Session, *, jeton: str, nouveau: str, maintenant: datetime) -> Utilisateur:
    """Single use: the link, and every other link of the user, stop working; every session
    of the user ends (epoch and on the server)."""
    from cipdesk.comptes.models import JetonReinitialisation as J

    ligne = jeton_valide(session, jeton, maintenant)
    if ligne is None:
        raise ErreurMetier(MESSAGE_LIEN_INVALIDE)
    utilisateur = session.get(Utilisateur, ligne.utilisateur_id)
    _verifier_force(nouveau, utilisateur, "nouveau")
    utilisateur.password_hash = passwords.hacher(nouveau)
    utilisateur.password_changed_at = maintenant
    utilisateur.session_epoch += 1
    for autre in session.scalars(select(J).where(J.utilisateur_id == utilisateur.id, J.utilise_le.is_(None))):
        autre.utilise_le = maintenant
    terminer_autres_sessions(session, utilisateur=utilisateur, courante=None, maintenant=maintenant,
                             motif=FinSession.MOT_DE_PASSE, par=utilisateur)
    # A remembered browser no longer skips the second factor after a password reset.
    oublier_navigateurs(session, utilisateur=utilisateur, maintenant=maintenant)
    journaliser(session, acteur=utilisateur, action=Action.MODIFICATION, objet_type="compte",
                objet_id=utilisateur.id, details={"champs": ["mot_de_passe"], "par": "lien de réinitialisation"})
    return utilisateur
# -- browsers remembered for the second factor (issue #18, point 12; comptes.second_facteur) --
def oublier_navigateurs(session: Session, *, utilisateur: Utilisateur, maintenant: datetime,
                        navigateur_id: uuid.UUID | None = None) -> int:
    """Revoke one remembered browser (of this user only), or all of them."""
    conditions = [NavigateurDeConfiance.utilisateur_id == utilisateur.id, NavigateurDeConfiance.revoque_le.is_(None)]
    if navigateur_id is not None:
        conditions.append(NavigateurDeConfiance.id == navigateur_id)
    resultat = session.execute(update(NavigateurDeConfiance).where(*conditions).values(revoque_le=maintenant))
    return resultat.rowcount or 0
def changer_preferences(session: Session, *, utilisateur: Utilisateur, citations_depliees: bool) -> None:
    """A display preference of one's own account (no one else's, nothing audited: no data)."""
    utilisateur.citations_depliees = bool(citations_depliees)
    session.flush()
