"""Accounts rules: plain functions, no session, no Flask (unit-tested in
tests/unit/test_regles_securite.py)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import unquote, urlsplit, urlunsplit

from email_validator import EmailNotValidError, validate_email

# -- destination after login (issue #10, point 4) -----------------------------------
LONGUEUR_MAX_DESTINATION = 2000
_CARACTERES_DE_CONTROLE = re.compile(r"[\x00-\x20\x7f-\x9f\\]")


def destination_sure(cible: str | None) -> str | None:
    """The path to go to after login when `cible` is a relative path of this
    site, else None (the caller falls back to the home page).

    Decided by parsing (urllib.parse), never by pattern alone: no scheme, no
    host, a path starting with exactly one "/". Browsers ignore tabs and line
    feeds inside URLs and read "\\" as "/" (WHATWG URL standard), so a
    "/\\t/evil.example" or "/\\\\evil.example" becomes "//evil.example": any
    control character, space or backslash refuses the target, and so do CR/LF,
    which would otherwise break the Location header (OWASP "Unvalidated
    redirects"). The path is checked again once percent-decoded."""
    if not cible or len(cible) > LONGUEUR_MAX_DESTINATION or _CARACTERES_DE_CONTROLE.search(cible):
        return None
    morceaux = urlsplit(cible)
    if morceaux.scheme or morceaux.netloc:
        return None
    if not morceaux.path.startswith("/") or morceaux.path.startswith("//"):
        return None
    # The same checks once percent-decoded ("/%09/x", "/%2F/x", "/%5Cx"), in case
    # something along the way decodes the path before a browser reads it.
    decode = unquote(morceaux.path)
    if _CARACTERES_DE_CONTROLE.search(decode) or decode.startswith("//"):
        return None
    sure = urlunsplit(("", "", morceaux.path, morceaux.query, morceaux.fragment))
    # Re-parsing what we send must give the same same-site path.
    reparse = urlsplit(sure)
    if reparse.scheme or reparse.netloc or sure != cible:
        return None
    return sure


# -- what the logs may keep of a login identifier (issue #10, point 9) -------------
IDENTIFIANT_INVALIDE = "(identifiant invalide)"


def identifiant_journalisable(saisie: str, *, compte_existe: bool = False) -> str:
    """What the attempts table and the audit log keep of what was typed in the
    e-mail field: the address when it is one (syntax checked by email-validator,
    no DNS) or names an existing account, else a marker. A password typed in the
    wrong field must never be stored nor shown (OWASP ASVS 7.1.1)."""
    if compte_existe:
        return saisie
    try:
        validate_email(saisie, check_deliverability=False)
    except EmailNotValidError:
        return IDENTIFIANT_INVALIDE
    return saisie


# -- server-side sessions (issue #10, point 2) ------------------------------------
INTERVALLE_PASSAGE = timedelta(minutes=1)


class FinSession:
    """Why a session ended (stored in session_connexion.motif_fin)."""

    DECONNEXION = "deconnexion"
    INACTIVITE = "inactivite"
    DUREE_MAXIMALE = "duree_maximale"
    TERMINEE = "terminee"  # by the user, from "Mes sessions"
    MOT_DE_PASSE = "mot_de_passe"
    ADMINISTRATION = "administration"


LIBELLES_FIN = {
    FinSession.DECONNEXION: "Déconnexion",
    FinSession.INACTIVITE: "Inactivité",
    FinSession.DUREE_MAXIMALE: "Durée maximale atteinte",
    FinSession.TERMINEE: "Terminée depuis « Mes sessions »",
    FinSession.MOT_DE_PASSE: "Changement de mot de passe",
    FinSession.ADMINISTRATION: "Changement d'accès par l'administration",
}


def en_utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored in UTC); PostgreSQL aware ones."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def session_expiree(*, debut: datetime, vu_le: datetime, maintenant: datetime,
                    inactivite: timedelta, duree_max: timedelta, signature_tardive: bool = False) -> str | None:
    """The reason the session must end now, or None (SECURITY.md: idle and
    absolute timeouts, checked on the server). Last-seen is written at most once
    per INTERVALLE_PASSAGE, so the idle limit is given that much slack — except
    when the cookie's signature is older than the idle limit (plus the minute it
    may lag, web.securite): its browser then has been idle longer than `inactivite`
    for sure, and a last-seen older than that is enough."""
    if maintenant - en_utc(debut) > duree_max:
        return FinSession.DUREE_MAXIMALE
    marge = timedelta(0) if signature_tardive else INTERVALLE_PASSAGE
    if maintenant - en_utc(vu_le) > inactivite + marge:
        return FinSession.INACTIVITE
    return None


def passage_a_noter(vu_le: datetime, maintenant: datetime) -> bool:
    """Last-seen is written at most once a minute, not on every request."""
    return maintenant - en_utc(vu_le) >= INTERVALLE_PASSAGE


_NAVIGATEURS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"),
                ("Chrome/", "Chrome"), ("Safari/", "Safari"))
_SYSTEMES = (("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"),
             ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"))


def resume_agent(agent: str) -> str:
    """"Firefox sous Linux": enough for a user to recognise their browsers in
    "Mes sessions", without keeping the full user-agent string."""
    navigateur = next((nom for motif, nom in _NAVIGATEURS if motif in agent), None)
    systeme = next((nom for motif, nom in _SYSTEMES if motif in agent), None)
    if navigateur and systeme:
        return f"{navigateur} sous {systeme}"
    if navigateur or systeme:
        return navigateur or systeme
    return "Navigateur non reconnu"


# -- what was typed when the session had ended (issue #10, point 10) --------------------
DUREE_BROUILLON = timedelta(minutes=30)
# Forms never kept: their fields are passwords, or they hold nothing typed.
ENDPOINTS_SANS_BROUILLON = {"comptes.connexion", "comptes.mot_de_passe", "comptes.deconnexion",
                            "comptes.maintien_session", "comptes.code_second_facteur",
                            "comptes.activation_a_la_connexion", "comptes.activer_second_facteur"}


def brouillon_permis(*, motif_fin: str, fin: datetime | None, maintenant: datetime) -> bool:
    """A form arriving after its session ended is kept only when the session timed out
    (idle or absolute limit), recently: not after a logout, a « Terminer », a password or
    access change, which may be the answer to a stolen cookie."""
    return (fin is not None and motif_fin in (FinSession.INACTIVITE, FinSession.DUREE_MAXIMALE)
            and maintenant - en_utc(fin) <= DUREE_BROUILLON)


def brouillon_perime(cree_le: datetime, maintenant: datetime) -> bool:
    return maintenant - en_utc(cree_le) > DUREE_BROUILLON


# -- second factor (issue #18, point 12) ------------------------------------------------
# Who must use a second factor, per structure (Structure.second_facteur).
EXIGENCES_SECOND_FACTEUR = {
    "admin_chef": "Exigé des administrateur·rices et des chef·fes de service, facultatif pour les autres",
    "tous": "Exigé de tous les comptes",
    "facultatif": "Facultatif pour tous (déconseillé : un mot de passe seul protège les comptes d'encadrement)",
}
EXIGENCE_PAR_DEFAUT = "admin_chef"
# A browser where the code was given may skip it for this long (« se souvenir de ce navigateur »).
DUREE_NAVIGATEUR_DE_CONFIANCE = timedelta(days=30)
# The password was right: the second factor must follow within this delay.
DUREE_ATTENTE_SECOND_FACTEUR = timedelta(minutes=10)
NOMBRE_CODES_DE_SECOURS = 10
# 16 characters of a 32-letter alphabet without look-alikes (no 0/O, 1/I/L): 80 bits, so
# that a SHA-256 of the code is enough to keep it (no offline guessing).
_ALPHABET_SECOURS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def second_facteur_exige(role, exigence: str | None) -> bool:
    """Must this role use a second factor under the structure's setting? An unknown or
    empty setting is the default (admins and chefs de service)."""
    from cipdesk.core.roles import Role

    exigence = exigence if exigence in EXIGENCES_SECOND_FACTEUR else EXIGENCE_PAR_DEFAUT
    if exigence == "tous":
        return True
    if exigence == "facultatif":
        return False
    return role in (Role.ADMIN, Role.CHEF_DE_SERVICE)


def nouveau_code_de_secours(choisir) -> str:
    """« ABCD-EFGH-JKMN-PQRS » ; `choisir` is secrets.choice (passed in: the rule stays pure)."""
    lettres = "".join(choisir(_ALPHABET_SECOURS) for _ in range(16))
    return "-".join(lettres[i:i + 4] for i in range(0, 16, 4))


def normaliser_code(saisie: str) -> str:
    """What was typed, without spaces or dashes, upper case (a TOTP keeps its digits)."""
    return re.sub(r"[\s\-]", "", saisie or "").upper()


def est_code_totp(code: str) -> bool:
    return len(code) == 6 and code.isdigit()


def secret_lisible(secret: str) -> str:
    """The base32 secret in groups of four, for typing it by hand into an app."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
