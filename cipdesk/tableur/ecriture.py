"""Writing a list as XLSX or CSV, streamed (issue #19, point 4). Pure: no session, no Flask.

The rows come from a generator (`ListeExportable.lignes`, streamed from the database) and go
to a file, one at a time: XLSX by XlsxWriter in `constant_memory` mode (each row is flushed to
the sheet's temporary XML as soon as it is written), CSV by the csv module. Memory stays flat
whatever the number of rows (bench/bench_tableur.py measures it).

- XLSX: typed cells (dates as dates shown dd/mm/yyyy, numbers as numbers, text as TEXT — a text
  cell is never a formula, whatever it begins with), header in bold, frozen, with an autofilter;
  the identifier column of the round trip hidden.
- CSV: UTF-8 with a BOM and « ; » (what a French spreadsheet opens without asking), dates
  dd/mm/yyyy, decimal comma; a text beginning with = + - @ (or a tab / carriage return) is
  prefixed with an apostrophe (OWASP « CSV injection »).
"""
from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import BinaryIO

import xlsxwriter

from cipdesk.core.dates import PARIS

DEBUTS_DE_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def neutraliser(valeur):
    """A text a spreadsheet would read as a formula gets an apostrophe in front."""
    if isinstance(valeur, str) and valeur[:1] in DEBUTS_DE_FORMULE:
        return "'" + valeur
    return valeur


def valeur_simple(valeur):
    """A database value as a cell value: enum → its French label, list → « a, b », uuid → text,
    an aware instant → Paris wall time without zone (a spreadsheet has no zones)."""
    if valeur is None:
        return None
    libelle = getattr(valeur, "libelle", None)
    if isinstance(libelle, str):
        return libelle
    if isinstance(valeur, uuid.UUID):
        return str(valeur)
    if isinstance(valeur, (list, tuple)):
        return ", ".join(str(valeur_simple(v)) for v in valeur if v is not None)
    if isinstance(valeur, datetime) and valeur.tzinfo is not None:
        return valeur.astimezone(PARIS).replace(tzinfo=None)
    return valeur


def _largeur(colonne) -> int:
    return 38 if colonne.genre == "identifiant" else max(12, min(50, len(colonne.libelle) + 4))


def ecrire_xlsx(sortie: BinaryIO, titre: str, colonnes: Sequence, lignes: Iterable[Sequence], *,
                auteur: str = "cipdesk") -> int:
    """Write the workbook to `sortie` (a file opened in binary); answer the number of rows."""
    classeur = xlsxwriter.Workbook(sortie, {"constant_memory": True, "in_memory": False,
                                            "strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False, "default_date_format": "dd/mm/yyyy"})
    classeur.set_properties({"title": titre, "author": auteur, "comments": "Export cipdesk"})
    feuille = classeur.add_worksheet(titre[:31].translate(str.maketrans("[]:*?/\\", "(). ---")))
    gras = classeur.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
    jour = classeur.add_format({"num_format": "dd/mm/yyyy"})
    instant = classeur.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    for i, colonne in enumerate(colonnes):
        feuille.set_column(i, i, _largeur(colonne), None, {"hidden": colonne.genre == "identifiant"})
    for i, colonne in enumerate(colonnes):
        feuille.write_string(0, i, colonne.libelle, gras)
    feuille.freeze_panes(1, 0)
    n = 0
    nombres = [c.genre in ("entier", "nombre") for c in colonnes]
    ecrire_texte = feuille.write_string
    for n, ligne in enumerate(lignes, start=1):
        for i, brute in enumerate(ligne):
            if brute is None or brute == "":
                continue
            if type(brute) is str:   # the common case, first: a text cell, never a formula
                ecrire_texte(n, i, brute)
                continue
            v = valeur_simple(brute)
            if isinstance(v, datetime):
                feuille.write_datetime(n, i, v, instant)
            elif isinstance(v, date):
                feuille.write_datetime(n, i, datetime(v.year, v.month, v.day), jour)
            elif isinstance(v, bool):
                feuille.write_boolean(n, i, v)
            elif isinstance(v, (int, float)) and nombres[i]:
                feuille.write_number(n, i, v)
            elif v != "":
                ecrire_texte(n, i, str(v))
    feuille.autofilter(0, 0, max(n, 1), max(len(colonnes) - 1, 0))
    classeur.close()
    return n


def _texte_csv(v) -> str:
    if v is None:
        return ""
    if type(v) is str:   # the common case, first
        return "'" + v if v[:1] in DEBUTS_DE_FORMULE else v
    v = valeur_simple(v)
    if type(v) is str:
        return "'" + v if v[:1] in DEBUTS_DE_FORMULE else v
    if isinstance(v, bool):
        return "Oui" if v else "Non"
    if isinstance(v, datetime):
        return f"{v:%d/%m/%Y %H:%M}"
    if isinstance(v, date):
        return f"{v.day:02d}/{v.month:02d}/{v.year}"
    if isinstance(v, float):
        return f"{v:g}".replace(".", ",")
    if isinstance(v, int):
        return str(v)
    return str(neutraliser(str(v)))


def ecrire_csv(sortie: BinaryIO, colonnes: Sequence, lignes: Iterable[Sequence]) -> int:
    """UTF-8 with a BOM, « ; », CRLF; answer the number of rows."""
    texte = io.TextIOWrapper(sortie, encoding="utf-8-sig", newline="", write_through=False)
    ecrivain = csv.writer(texte, delimiter=";", lineterminator="\r\n")
    ecrivain.writerow([neutraliser(c.libelle) for c in colonnes])
    n = 0
    for n, ligne in enumerate(lignes, start=1):
        ecrivain.writerow([_texte_csv(v) for v in ligne])
    texte.flush()
    texte.detach()
    return n
