"""Pure rules of the répertoire opérationnel des partenaires (REAC CP4 : « Recueillir,
sélectionner, capitaliser et actualiser des informations »)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

# A fiche not checked with the partner for a year is shown « à vérifier ».
ANCIENNETE_JOURS = 365


def nom_normalise(nom: str) -> str:
    """For duplicates: no accents, no case, no punctuation, single spaces."""
    sans_accents = "".join(c for c in unicodedata.normalize("NFKD", nom or "") if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in sans_accents.lower()).split())


def doublon(nom: str, existants: list[tuple[object, str]], soi=None) -> str | None:
    """The name of an existing partner of the same structure with the same normalised name."""
    cle = nom_normalise(nom)
    for ident, autre in existants:
        if ident != soi and nom_normalise(autre) == cle:
            return autre
    return None


def a_verifier(verifie_le: date | None, aujourd_hui: date) -> bool:
    return verifie_le is None or (aujourd_hui - verifie_le).days > ANCIENNETE_JOURS


def valider_url(saisie: str) -> str:
    """An http(s) address, or ValueError in French. Empty stays empty."""
    texte = (saisie or "").strip()
    if not texte:
        return ""
    morceaux = urlsplit(texte)
    if morceaux.scheme not in ("http", "https") or not morceaux.netloc or " " in texte \
            or "." not in morceaux.netloc:
        raise ValueError("Adresse web invalide : elle commence par https:// (exemple : "
                         "https://travail-emploi.gouv.fr/…).")
    return texte


@dataclass(frozen=True)
class BilanPartenaire:
    """Orientations made to one partner, by answer."""
    total: int = 0
    acceptees: int = 0
    refusees: int = 0

    @property
    def repondues(self) -> int:
        return self.acceptees + self.refusees

    @property
    def en_attente(self) -> int:
        return self.total - self.repondues


def adresse_complete(adresse: str, code_postal: str = "", commune: str = "") -> str:
    """The one address line of a fiche from a spreadsheet's separate columns (« 12 rue Molière,
    13200 Arles »); a commune already written in the address is not repeated."""
    adresse = (adresse or "").strip().rstrip(",")
    ville = " ".join(x for x in ((code_postal or "").strip(), (commune or "").strip()) if x)
    if not ville or (commune and dans_la_commune(adresse, commune) and (not code_postal or code_postal in adresse)):
        return adresse
    return f"{adresse}, {ville}" if adresse else ville


def dans_la_commune(adresse: str, commune: str) -> bool:
    """Whether an address names this commune (accents, case and punctuation ignored: « St-Martin-
    de-Crau » is « Saint Martin de Crau » only if written so — no guess on abbreviations)."""
    c = nom_normalise(commune)
    return bool(c) and f" {c} " in f" {nom_normalise(adresse)} "
