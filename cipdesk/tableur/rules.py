"""Rules of the spreadsheet import (issue #19): suggesting the mapping of columns from their
headers, checking it, converting a cell by the kind of its field. Pure functions."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from cipdesk.core.texte import normaliser_nom

ORIGINE_EXCEL = date(1899, 12, 30)   # serial day 1 = 1900-01-01 (with Excel's 1900 leap-year bug)
DATE_FR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")


def cle_entete(texte: str) -> str:
    return normaliser_nom(texte).replace(" ", "")


def suggerer(entetes: list[str], champs, memorisee: dict | None = None) -> dict[int, str]:
    """{column index: field code}: the mapping saved for this structure first (same header), else
    a header equal to a field's label, code or synonym (accents, case and spaces ignored). A field
    is suggested once."""
    memorisee = {cle_entete(k): v for k, v in (memorisee or {}).items()}
    codes = {c.code for c in champs}
    index: dict[str, str] = {}
    for c in champs:
        for nom in (c.code, c.libelle, *c.synonymes):
            index.setdefault(cle_entete(nom), c.code)
    resultat: dict[int, str] = {}
    pris: set[str] = set()
    for i, entete in enumerate(entetes):
        cle = cle_entete(entete)
        code = memorisee.get(cle) if memorisee.get(cle) in codes else index.get(cle)
        if code and code not in pris:
            resultat[i] = code
            pris.add(code)
    return resultat


def erreurs_de_correspondance(correspondance: dict[int, str], entetes: list[str], champs) -> list[str]:
    """What keeps a mapping from being used: a field chosen for two columns, a required field
    chosen for none."""
    erreurs = []
    libelles = {c.code: c.libelle for c in champs}
    vus: dict[str, int] = {}
    for i, code in sorted(correspondance.items()):
        if code in vus:
            erreurs.append(f"« {libelles.get(code, code)} » est associé à deux colonnes : « {entetes[vus[code]]} » "
                           f"et « {entetes[i]} ». Choisissez-en une seule.")
        vus.setdefault(code, i)
    for c in champs:
        if c.obligatoire and c.code not in vus:
            erreurs.append(f"Aucune colonne n'est associée à « {c.libelle} », qui est obligatoire.")
    return erreurs


def lire_date(texte: str) -> date:
    """dd/mm/yyyy (or dd-mm-yyyy, dd.mm.yy), ISO (a date cell of XLSX / ODS), or an Excel serial
    number; ValueError with a French message otherwise."""
    t = (texte or "").strip()
    m = DATE_FR.match(t)
    if m:
        jour, mois, annee = int(m[1]), int(m[2]), int(m[3])
        if annee < 100:
            annee += 2000 if annee <= date.today().year % 100 else 1900
        try:
            return date(annee, mois, jour)
        except ValueError:
            raise ValueError(f"la date « {t} » n'existe pas") from None
    m = DATE_ISO.match(t)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValueError(f"la date « {t} » n'existe pas") from None
    if re.fullmatch(r"\d{4,5}(\.0+)?", t) and 1 <= float(t) <= 80_000:
        return ORIGINE_EXCEL + timedelta(days=int(float(t)))
    raise ValueError(f"format de date inconnu « {t} » : écrivez la date en jj/mm/aaaa (par exemple 07/03/1990)")


def convertir(genre: str, texte: str):
    """The value of a cell for a field of this kind; ValueError with a French message."""
    t = (texte or "").strip()
    if t.startswith("'") and t[1:2] in ("=", "+", "-", "@"):
        t = t[1:]   # an apostrophe our exports put in front of a text that looked like a formula
    if not t:
        return None if genre == "date" else ""
    if genre == "date":
        return lire_date(t)
    if genre == "telephone":
        from cipdesk.core.erreurs import ErreurMetier
        from cipdesk.core.telephone import telephone_e164

        if re.fullmatch(r"[1-9]\d{8}", t):
            t = "0" + t   # a number cell lost its leading zero (6 12 34 56 78)
        try:
            return telephone_e164(t)
        except ErreurMetier:
            raise ValueError(f"téléphone invalide « {t} »") from None
    if genre == "email":
        t = t.lower()
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", t):
            raise ValueError(f"adresse de courriel invalide « {t} »")
        return t
    if genre == "code_postal":
        if re.fullmatch(r"\d{4}", t):
            t = "0" + t   # a number cell lost its leading zero (01000 → 1000)
        if not re.fullmatch(r"\d{5}", t):
            raise ValueError(f"code postal invalide « {t} » (5 chiffres)")
        return t
    if genre == "siret":
        from stdnum.fr import siret

        try:
            return siret.validate(t)
        except Exception:  # noqa: BLE001 — stdnum's InvalidLength / InvalidChecksum / InvalidFormat
            raise ValueError(f"SIRET invalide « {t} » (14 chiffres, clé de contrôle)") from None
    return t


def texte_de(valeur, genre: str = "texte") -> str:
    """A converted value shown in the preview and the report (a phone as French people write it)."""
    if valeur is None:
        return ""
    if genre == "telephone" and valeur:
        from cipdesk.core.telephone import telephone_affiche

        return telephone_affiche(valeur)
    if isinstance(valeur, (date, datetime)):
        return f"{valeur:%d/%m/%Y}"
    return str(valeur)


def majuscule(texte: str) -> str:
    """The first letter in capital, the rest untouched (str.capitalize lowers « SIRET »)."""
    return texte[:1].upper() + texte[1:]


def colonnes_ignorees(entetes: list[str], lignes: list[list[str]], correspondance: dict[int, str]) -> list[str]:
    """The headers of the columns no field reads but that hold something (an export's « Statut »,
    « Dispositif »…): the preview says they are ignored, so nothing is lost without a word."""
    return [e for i, e in enumerate(entetes)
            if i not in correspondance and any(i < len(l) and str(l[i] or "").strip() for l in lignes)]
