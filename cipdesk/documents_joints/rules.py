"""Rules of attached documents (issue #18, point 11): pure functions, no Flask, no session.

The type of a file is recognised from its content (its signature, by the `filetype`
library), never from its name nor from what the browser claims; a name whose extension
says something else is refused: « CV.pdf » that is really a program, or a PNG, is a lie."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import filetype

from cipdesk.core.erreurs import ErreurMetier

# Default upload limit (CIPDESK_DOCUMENTS_TAILLE_MAX, in octets): a scanned contract of a
# few pages or a phone photo.
TAILLE_MAX_PAR_DEFAUT = 10 * 1024 * 1024

# Types accepted, shown inline by the browser: MIME → (label, extensions it may carry).
TYPES = {
    "application/pdf": ("PDF", ("pdf",)),
    "image/jpeg": ("image JPEG", ("jpg", "jpeg")),
    "image/png": ("image PNG", ("png",)),
}

NATURES = {
    "cv": "CV",
    "justificatif": "Justificatif (identité, domicile, ressources, droits)",
    "contrat": "Contrat ou engagement signé (scanné)",
    "attestation": "Attestation (formation, stage, immersion, emploi)",
    "autre": "Autre document",
}


@dataclass(frozen=True)
class FichierReconnu:
    type_mime: str
    extension: str
    taille: int


def taille_lisible(octets: int) -> str:
    if octets < 1024:
        return f"{octets} octets"
    if octets < 1024 * 1024:
        return f"{octets / 1024:.0f} Ko".replace(".", ",")
    return f"{octets / (1024 * 1024):.1f} Mo".replace(".", ",")


def extension_de(nom: str) -> str:
    return nom.rsplit(".", 1)[-1].lower() if "." in nom else ""


def verifier_fichier(nom: str, donnees: bytes, *, taille_max: int) -> FichierReconnu:
    """The file's true type, or ErreurMetier on the « fichier » field with a French message:
    empty, too large, a type not accepted, or a name that lies about its content."""
    if not donnees:
        raise ErreurMetier("Le fichier est vide : choisissez le document à joindre.", "fichier")
    if len(donnees) > taille_max:
        raise ErreurMetier(f"Le fichier fait {taille_lisible(len(donnees))} : la limite est de "
                           f"{taille_lisible(taille_max)}. Réduisez-le (numérisation en 150 ppp, en niveaux de gris) "
                           "ou découpez-le.", "fichier")
    genre = filetype.guess(donnees)
    acceptes = ", ".join(libelle for libelle, _ in TYPES.values())
    if genre is None or genre.mime not in TYPES:
        reconnu = f" (son contenu est de type {genre.mime})" if genre is not None else ""
        raise ErreurMetier(f"Ce fichier n'est pas un document accepté{reconnu} : seuls les formats {acceptes} "
                           "peuvent être joints.", "fichier")
    libelle, extensions = TYPES[genre.mime]
    extension = extension_de(nom)
    if extension and extension not in extensions:
        raise ErreurMetier(f"Le nom du fichier se termine par « .{extension} », mais son contenu est un {libelle} : "
                           "le fichier est refusé. Renommez-le avec la bonne extension, ou vérifiez qu'il s'agit "
                           "bien du document attendu.", "fichier")
    return FichierReconnu(genre.mime, extensions[0], len(donnees))


def nom_sur(nom: str, extension: str) -> str:
    """A name safe for a Content-Disposition header and a download: the last path part,
    no control characters, quotes or separators, at most 120 characters, with its extension."""
    nom = (nom or "").replace("\\", "/").rsplit("/", 1)[-1]
    nom = unicodedata.normalize("NFC", nom)
    nom = re.sub(r'[\x00-\x1f\x7f"<>:|?*;]', "", nom).strip(" .")
    base = nom.rsplit(".", 1)[0] if "." in nom else nom
    return f"{(base or 'document')[:120]}.{extension}"


def nom_ascii(nom: str) -> str:
    """The ASCII fallback of the name (filename=), the full one going in filename*=."""
    return unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode() or "document"
