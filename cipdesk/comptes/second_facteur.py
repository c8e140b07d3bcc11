"""Second factor use cases (issue #18, point 12): TOTP enrolment (pyotp), the check at
login with its throttling, single-use recovery codes, browsers remembered for a limited
time (revocable). Flush, never commit; no Flask."""
from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime

import pyotp
import segno
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cipdesk.comptes import rules
from cipdesk.comptes.models import (CodeDeSecours, NavigateurDeConfiance, SecondFacteur, TentativeConnexion,
                                    Utilisateur)
from cipdesk.comptes.rules import en_utc, resume_agent
from cipdesk.comptes.services import compteurs_d_echecs, oublier_navigateurs
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security.audit import Action, journaliser
from cipdesk.security.throttle import Limites, attente, message_attente

EMETTEUR = "cipdesk"
MESSAGE_CODE_FAUX = "Ce code n'est pas valable. Saisissez le code à 6 chiffres affiché par votre application, " \
                    "ou l'un de vos codes de secours."


def _empreinte(texte: str) -> str:
    return hashlib.sha256(texte.encode()).hexdigest()


def facteur_de(session: Session, utilisateur: Utilisateur) -> SecondFacteur | None:
    return session.scalar(select(SecondFacteur).where(SecondFacteur.utilisateur_id == utilisateur.id))


def est_enrole(session: Session, utilisateur: Utilisateur) -> bool:
    facteur = facteur_de(session, utilisateur)
    return facteur is not None and facteur.active_le is not None


def est_exige(utilisateur: Utilisateur) -> bool:
    return rules.second_facteur_exige(utilisateur.role, utilisateur.structure.second_facteur)


# -- enrolment ---------------------------------------------------------------------------
def commencer_enrolement(session: Session, *, utilisateur: Utilisateur) -> SecondFacteur:
    """A new secret to enrol (a POST: nothing is written by showing a page). An enrolled
    user's current secret keeps working until a code of the new one is given."""
    facteur = facteur_de(session, utilisateur)
    if facteur is None:
        facteur = SecondFacteur(id=uuid.uuid4(), utilisateur_id=utilisateur.id, structure_id=utilisateur.structure_id)
        session.add(facteur)
    facteur.nouveau_secret = pyotp.random_base32()
    session.flush()
    return facteur


def secret_a_enroler(session: Session, utilisateur: Utilisateur) -> str:
    """The secret waiting for its first code, or "" when no enrolment was started."""
    facteur = facteur_de(session, utilisateur)
    return facteur.nouveau_secret if facteur is not None else ""


def uri_d_enrolement(utilisateur: Utilisateur, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=utilisateur.email, issuer_name=EMETTEUR)


def qr_svg(uri: str, titre: str) -> str:
    """The QR code as an inline <svg> (segno: no image library, no data: URL)."""
    return segno.make(uri, error="m").svg_inline(scale=5, title=titre, svgclass="qr-code", lineclass=None,
                                                  omitsize=False)


def _pas_valide(secret: str, code: str, maintenant: datetime, apres: int) -> int | None:
    """The time step a 6-digit code matches (now, or one step either side for clock drift),
    when it is later than `apres` (a code is never accepted twice)."""
    totp = pyotp.TOTP(secret)
    pas_actuel = int(en_utc(maintenant).timestamp()) // totp.interval
    for pas in (pas_actuel, pas_actuel - 1, pas_actuel + 1):
        if pas > apres and secrets.compare_digest(totp.generate_otp(pas), code):
            return pas
    return None


def confirmer_enrolement(session: Session, *, utilisateur: Utilisateur, code: str,
                         maintenant: datetime) -> list[str]:
    """The first code from the app proves the secret was copied: the factor becomes
    active and new recovery codes are made. Returns them in clear, shown once."""
    facteur = facteur_de(session, utilisateur)
    code = rules.normaliser_code(code)
    if facteur is None or not facteur.nouveau_secret:
        raise ErreurMetier("Recommencez l'activation : aucune clé n'est en attente.", "code")
    if not rules.est_code_totp(code):
        raise ErreurMetier("Saisissez les 6 chiffres affichés par votre application.", "code")
    pas = _pas_valide(facteur.nouveau_secret, code, maintenant, -1)
    if pas is None:
        raise ErreurMetier("Ce code ne correspond pas : vérifiez que l'heure de votre téléphone est juste, "
                           "puis saisissez le code affiché maintenant.", "code")
    facteur.secret, facteur.nouveau_secret = facteur.nouveau_secret, ""
    facteur.active_le, facteur.dernier_pas = maintenant, pas
    codes = regenerer_codes(session, utilisateur=utilisateur, maintenant=maintenant, journal=False)
    oublier_navigateurs(session, utilisateur=utilisateur, maintenant=maintenant)
    journaliser(session, acteur=utilisateur, action=Action.MODIFICATION, objet_type="compte",
                objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                details={"second_facteur": "active"})
    return codes


def regenerer_codes(session: Session, *, utilisateur: Utilisateur, maintenant: datetime,
                    journal: bool = True) -> list[str]:
    """New recovery codes; every older one stops working."""
    session.query(CodeDeSecours).filter(CodeDeSecours.utilisateur_id == utilisateur.id).delete()
    codes = [rules.nouveau_code_de_secours(secrets.choice) for _ in range(rules.NOMBRE_CODES_DE_SECOURS)]
    for code in codes:
        session.add(CodeDeSecours(id=uuid.uuid4(), utilisateur_id=utilisateur.id,
                                  empreinte=_empreinte_code(utilisateur, rules.normaliser_code(code))))
    session.flush()
    if journal:
        journaliser(session, acteur=utilisateur, action=Action.MODIFICATION, objet_type="compte",
                    objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                    details={"second_facteur": "codes_de_secours_regeneres"})
    return codes


def _empreinte_code(utilisateur: Utilisateur, code: str) -> str:
    return _empreinte(f"cipdesk-secours:{utilisateur.id}:{code}")


def codes_restants(session: Session, utilisateur: Utilisateur) -> int:
    return len(session.scalars(select(CodeDeSecours.id).where(
        CodeDeSecours.utilisateur_id == utilisateur.id, CodeDeSecours.utilise_le.is_(None))).all())


def desactiver(session: Session, *, utilisateur: Utilisateur, par: Utilisateur, maintenant: datetime) -> None:
    """Remove the factor (the user when it is optional for them; their admin when the phone
    is lost and the recovery codes too: the next login enrols again)."""
    if par.id == utilisateur.id and est_exige(utilisateur):
        raise ErreurMetier("Votre structure exige un second facteur pour votre rôle : il ne peut pas être retiré.",
                           "code")
    facteur = facteur_de(session, utilisateur)
    if facteur is not None:
        session.delete(facteur)
    session.query(CodeDeSecours).filter(CodeDeSecours.utilisateur_id == utilisateur.id).delete()
    oublier_navigateurs(session, utilisateur=utilisateur, maintenant=maintenant)
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION if par.id == utilisateur.id else Action.ADMINISTRATION,
                objet_type="compte", objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                details={"second_facteur": "retire"})


# -- the check at login -----------------------------------------------------------------
def _identifiant(utilisateur: Utilisateur) -> str:
    return f"second-facteur:{utilisateur.id}"


def verifier(session: Session, *, utilisateur: Utilisateur, code: str, adresse_ip: str, limites: Limites,
             maintenant: datetime) -> str:
    """Check a TOTP or a recovery code. Returns « totp » or « code_de_secours »; raises
    ErreurMetier (wrong code, or too many tries: the login throttling rule, counted on
    this account's second factor). A recovery code works once."""
    identifiant = _identifiant(utilisateur)
    attendre = attente(**compteurs_d_echecs(
        session, identifiant=identifiant, adresse_ip=adresse_ip, appareil=None,
        debloque_le=utilisateur.connexion_debloquee_le, maintenant=maintenant, limites=limites),
        maintenant=maintenant, limites=limites)
    if attendre:
        journaliser(session, acteur=None, action=Action.ECHEC_CONNEXION, objet_type="compte",
                    objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                    motif="second facteur : limitation des tentatives",
                    details={"attente_secondes": int(attendre.total_seconds())})
        # the login throttling's message (for a known browser: no advice to change browser)
        raise ErreurMetier(message_attente(attendre, appareil_connu=True).replace("de connexion", "de code"), "code")
    facteur = facteur_de(session, utilisateur)
    saisi = rules.normaliser_code(code)
    moyen = None
    if facteur is not None and facteur.active_le is not None and rules.est_code_totp(saisi):
        pas = _pas_valide(facteur.secret, saisi, maintenant, facteur.dernier_pas)
        if pas is not None:
            facteur.dernier_pas, moyen = pas, "totp"
    elif facteur is not None and facteur.active_le is not None and len(saisi) == 16:
        # One UPDATE marks the code used: two requests racing with the same code cannot both win.
        resultat = session.execute(update(CodeDeSecours).where(
            CodeDeSecours.utilisateur_id == utilisateur.id, CodeDeSecours.utilise_le.is_(None),
            CodeDeSecours.empreinte == _empreinte_code(utilisateur, saisi)).values(utilise_le=maintenant))
        if resultat.rowcount == 1:
            moyen = "code_de_secours"
    session.add(TentativeConnexion(identifiant=identifiant, adresse_ip=adresse_ip, appareil=None,
                                   succes=moyen is not None, at=maintenant))
    journaliser(session, acteur=utilisateur if moyen else None,
                action=Action.CONNEXION if moyen else Action.ECHEC_CONNEXION, objet_type="compte",
                objet_id=utilisateur.id, structure_id=utilisateur.structure_id,
                details={"second_facteur": moyen or "code_refuse"})
    session.flush()
    if moyen is None:
        raise ErreurMetier(MESSAGE_CODE_FAUX, "code")
    return moyen


# -- remembered browsers ------------------------------------------------------------------
def memoriser_navigateur(session: Session, *, utilisateur: Utilisateur, agent: str, maintenant: datetime) -> str:
    """A random token for the browser's signed cookie; only its SHA-256 is kept."""
    jeton = secrets.token_urlsafe(32)
    session.add(NavigateurDeConfiance(id=uuid.uuid4(), utilisateur_id=utilisateur.id, empreinte=_empreinte(jeton),
                                      cree_le=maintenant, expire_le=maintenant + rules.DUREE_NAVIGATEUR_DE_CONFIANCE,
                                      agent=resume_agent(agent)))
    session.flush()
    return jeton


def navigateur_reconnu(session: Session, *, utilisateur: Utilisateur, jeton: str | None,
                       maintenant: datetime) -> bool:
    if not jeton or not isinstance(jeton, str):
        return False
    ligne = session.scalar(select(NavigateurDeConfiance).where(NavigateurDeConfiance.empreinte == _empreinte(jeton)))
    return (ligne is not None and ligne.utilisateur_id == utilisateur.id and ligne.revoque_le is None
            and en_utc(ligne.expire_le) > maintenant)


def navigateurs(session: Session, utilisateur: Utilisateur, maintenant: datetime) -> list[NavigateurDeConfiance]:
    return list(session.scalars(select(NavigateurDeConfiance).where(
        NavigateurDeConfiance.utilisateur_id == utilisateur.id, NavigateurDeConfiance.revoque_le.is_(None),
        NavigateurDeConfiance.expire_le > maintenant).order_by(NavigateurDeConfiance.cree_le.desc())))


def regler_exigence(session: Session, *, par: Utilisateur, exigence: str) -> None:
    """The structure's rule (its admin): admins and chefs (default), everyone, or optional."""
    from cipdesk.comptes.models import Structure
    from cipdesk.security import policy

    policy.exiger(policy.peut_administrer_structure(par, par.structure_id))
    if exigence not in rules.EXIGENCES_SECOND_FACTEUR:
        raise ErreurMetier("Choisissez l'une des règles proposées.", "exigence")
    structure = session.get(Structure, par.structure_id)
    ancienne, structure.second_facteur = structure.second_facteur, exigence
    session.flush()
    journaliser(session, acteur=par, action=Action.ADMINISTRATION, objet_type="structure", objet_id=structure.id,
                structure_id=structure.id, details={"second_facteur": exigence, "avant": ancienne})
