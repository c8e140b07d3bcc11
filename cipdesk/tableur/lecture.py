"""Reading an uploaded spreadsheet (issue #19, point 1). Pure: bytes in, sheets out, or an
`ErreurImport` whose message says in French what is wrong and what to do.

XLSX and ODS are read by python-calamine (Rust, fast, values as typed: dates as dates); a CSV is
decoded with the encoding charset-normalizer detects (UTF-8, Windows-1252…) and split on the
separator found in its first lines (« ; », « , » or a tab). Refused before anything is stored:
an empty file, a file that is not a spreadsheet, a sheet whose header cells are merged, cells
holding formulas (their value depends on the file they came from: paste them as values)."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

LIMITE_OCTETS = 10 * 1024 * 1024   # 10 Mo: far beyond 5 000 people (about 1 Mo)
LIMITE_LIGNES = 20_000


class ErreurImport(ValueError):
    """A file refused as a whole, with the French message shown to the user."""


@dataclass(frozen=True)
class Feuille:
    nom: str
    lignes: list[list]   # the first one holds the headers


def _valeur(v):
    if isinstance(v, datetime):
        return v.date() if v.time() == time(0) else v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, str):
        return v.strip()
    return v


def _vide(ligne) -> bool:
    return all(v is None or v == "" for v in ligne)


def _formules(contenu: bytes, nom_ods: bool) -> bool:
    """Does any cell of the workbook hold a formula? (the XML of the sheets, read in the zip)"""
    with zipfile.ZipFile(io.BytesIO(contenu)) as z:
        if nom_ods:
            return b"table:formula=" in z.read("content.xml")
        return any(re.search(rb"<(\w+:)?f[ >/]", z.read(n)) for n in z.namelist()
                   if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def _lire_classeur(contenu: bytes) -> list[Feuille]:
    import python_calamine

    try:
        est_ods = b"opendocument.spreadsheet" in contenu[:200]
        if _formules(contenu, est_ods):
            raise ErreurImport("Le fichier contient des formules. Copiez les cellules puis collez-les « en valeurs "
                               "seulement » (Collage spécial), enregistrez, et déposez-le de nouveau.")
        classeur = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(contenu))
    except ErreurImport:
        raise
    except Exception:  # noqa: BLE001 — calamine or zipfile: the file is not a readable workbook
        raise ErreurImport("Ce fichier n'est pas un tableur lisible. Déposez un fichier XLSX, ODS ou CSV.") from None
    feuilles = []
    for nom in classeur.sheet_names:
        feuille = classeur.get_sheet_by_name(nom)
        fusions = [r for r in (feuille.merged_cell_ranges or []) if r[0][0] == 0 or r[1][0] == 0]
        lignes = [[_valeur(v) for v in ligne] for ligne in feuille.to_python(skip_empty_area=False)]
        while lignes and _vide(lignes[-1]):
            lignes.pop()
        while lignes and _vide(lignes[0]):
            lignes.pop(0)
        if fusions and lignes:
            raise ErreurImport(f"La feuille « {nom} » a des cellules d'en-tête fusionnées. Défusionnez-les pour que "
                               "chaque colonne ait son propre titre sur la première ligne, puis déposez le fichier "
                               "de nouveau.")
        if lignes:
            feuilles.append(Feuille(nom, lignes))
    return feuilles


def decoder_csv(contenu: bytes) -> str:
    """The text of a CSV: UTF-8 (with or without BOM) first, else the encoding detected."""
    if contenu.startswith(b"\xef\xbb\xbf"):
        return contenu[3:].decode("utf-8")
    try:
        return contenu.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    meilleur = from_bytes(contenu[:200_000], cp_isolation=["cp1252", "iso8859_15", "utf_16", "mac_roman"]).best()
    if meilleur is None:
        raise ErreurImport("L'encodage de ce fichier CSV n'a pas été reconnu. Enregistrez-le en « CSV UTF-8 ».")
    return contenu.decode(meilleur.encoding)


def _lire_csv(contenu: bytes) -> list[Feuille]:
    texte = decoder_csv(contenu)
    if "\x00" in texte:
        raise ErreurImport("Ce fichier n'est pas un tableur lisible. Déposez un fichier XLSX, ODS ou CSV.")
    debut = "\n".join(texte.splitlines()[:20])
    separateur = max((";", ",", "\t"), key=debut.count)
    if debut.count(separateur) == 0:
        separateur = ";"
    lignes = [[v.strip() for v in ligne] for ligne in csv.reader(io.StringIO(texte), delimiter=separateur)]
    lignes = [l for l in lignes if not _vide(l)]
    for ligne in lignes:
        for v in ligne:
            # A CSV cell written « =… » is a formula for a spreadsheet: refused like one. An apostrophe
            # in front (our exports' neutralisation) keeps it a text.
            if v[:1] == "=" and len(v) > 1:
                raise ErreurImport("Le fichier contient des formules (cellules commençant par « = »). Collez-les "
                                   "« en valeurs seulement » avant d'enregistrer le CSV.")
    return [Feuille("CSV", lignes)] if lignes else []


def lire(nom_fichier: str, contenu: bytes) -> list[Feuille]:
    """The non-empty sheets of the file, or ErreurImport."""
    if not contenu or not contenu.strip():
        raise ErreurImport("Le fichier est vide. Déposez le tableur qui contient vos lignes.")
    if len(contenu) > LIMITE_OCTETS:
        raise ErreurImport(f"Le fichier dépasse {LIMITE_OCTETS // (1024 * 1024)} Mo. Découpez-le en plusieurs "
                           "fichiers.")
    if contenu[:4] == b"PK\x03\x04":
        feuilles = _lire_classeur(contenu)
    elif contenu[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ErreurImport("Ce fichier est au format Excel 97-2003 (.xls). Enregistrez-le en XLSX ou en CSV, puis "
                           "déposez-le de nouveau.")
    elif nom_fichier.lower().endswith((".csv", ".txt")) or _ressemble_a_du_texte(contenu):
        feuilles = _lire_csv(contenu)
    else:
        raise ErreurImport("Ce fichier n'est pas un tableur lisible. Déposez un fichier XLSX, ODS ou CSV.")
    if not feuilles:
        raise ErreurImport("Le fichier ne contient aucune ligne. Déposez le tableur qui contient vos lignes.")
    for f in feuilles:
        if len(f.lignes) - 1 > LIMITE_LIGNES:
            raise ErreurImport(f"La feuille « {f.nom} » a plus de {LIMITE_LIGNES} lignes : découpez-la.")
    return feuilles


def _ressemble_a_du_texte(contenu: bytes) -> bool:
    echantillon = contenu[:4096]
    return b"\x00" not in echantillon and sum(b < 9 for b in echantillon) == 0


def en_texte(v) -> str:
    """A cell as the text stored (JSON): dates in ISO form, numbers without « .0 »."""
    if v is None:
        return ""
    if isinstance(v, datetime):
        return v.isoformat(timespec="minutes")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def feuilles_en_json(feuilles: list[Feuille]) -> dict:
    """{sheet: rows} with every cell as text; a date cell kept recognisable (« 1990-03-07 »)."""
    return {f.nom: [[en_texte(v) for v in ligne] for ligne in f.lignes] for f in feuilles}
