"""Editable exports (XLSX, openpyxl): one sheet with a bold header row, frozen, French
dates; the structure and the date of the export recorded in the file's properties."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


def classeur(titre: str, entetes: Sequence[str], lignes: Iterable[Sequence], *, structure=None) -> bytes:
    wb = Workbook()
    feuille = wb.active
    feuille.title = titre[:31]
    feuille.append(list(entetes))
    for cellule in feuille[1]:
        cellule.font = Font(bold=True)
    feuille.freeze_panes = "A2"
    for ligne in lignes:
        feuille.append(list(ligne))
    for ligne in feuille.iter_rows(min_row=2):
        for cellule in ligne:
            if isinstance(cellule.value, (date, datetime)):
                cellule.number_format = "DD/MM/YYYY"
    for i, entete in enumerate(entetes, start=1):
        feuille.column_dimensions[get_column_letter(i)].width = max(12, min(60, len(entete) + 4))
    wb.properties.title = titre
    wb.properties.creator = "cipdesk" + (f" — {structure.nom}" if structure is not None else "")
    sortie = BytesIO()
    wb.save(sortie)
    return sortie.getvalue()
