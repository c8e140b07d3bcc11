"""The one document base for every PDF cipdesk hands over (synthèse, fiche de
liaison, contrat, couverture des compétences, and the documents of the modules
to come): A4 page layout, the embedded DejaVu font so every French character
prints, a header naming the structure, a footer with « page x/y », and French
formats (dd/mm/yyyy, decimal comma).

The fonts are DejaVu Sans reduced to what documents print (Latin, Greek, Cyrillic,
punctuation, a few symbols; no layout tables, which fpdf2 without text shaping never
reads): `scripts/polices_pdf.py` makes them from the full fonts kept beside them. Parsing
and subsetting the full font took most of the time of a short PDF (bench/RESULTS.md,
« ateliers »); tests/unit/test_polices_documents.py checks what they cover."""
from __future__ import annotations

import copy
import logging
from datetime import date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap

logging.getLogger("fontTools").setLevel(logging.WARNING)  # font subsetting logs every glyph at INFO
POLICES = Path(__file__).resolve().parent / "fonts"
_POLICES_ANALYSEES: dict = {}   # file name → the TTFFont the first document parsed
BLEU = (29, 79, 145)
GRIS = (90, 90, 90)


@cache
def _octets(fichier: str) -> bytes:
    return (POLICES / fichier).read_bytes()


def jour(d: date | datetime | None) -> str:
    """A date as French users write it; « — » when unknown."""
    return d.strftime("%d/%m/%Y") if d else "—"


def nombre(x: float | int, decimales: int = 1) -> str:
    """A number with the French decimal comma and a thin space between thousands."""
    texte = f"{x:,.{decimales}f}" if isinstance(x, float) else f"{x:,}"
    return texte.replace(",", "\u202f").replace(".", ",")


class Document(FPDF):
    """A4, margins 18/16/18 mm, DejaVu regular and bold.

    `entete` is the line printed at the top of every page (the structure's name
    by default), `pied` the document's name repeated in the footer beside the
    page number; confidential documents say so in the footer."""

    def __init__(self, titre: str, *, structure=None, entete: str | None = None,
                 confidentiel: bool = True, nouvelle_page: bool = True):
        super().__init__(format="A4")
        self.structure, self.titre_doc, self.confidentiel = structure, titre, confidentiel
        self.entete = entete
        self._police("", "DejaVuSans-Documents.ttf")
        self._police("B", "DejaVuSans-Bold-Documents.ttf")
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.set_title(titre)
        self.set_creator("cipdesk")
        if nouvelle_page:
            self.add_page()

    def _police(self, style: str, fichier: str) -> None:
        """Add a DejaVu style, parsed once per process: the first document parses it (widths,
        cmap, metrics: read-only afterwards); the next ones take a copy of that with their own
        glyph subset and their own font tables to subset at output (fpdf2 subsets them in place)."""
        modele = _POLICES_ANALYSEES.get(fichier)
        if modele is None:
            self.add_font("DejaVu", style, str(POLICES / fichier))
            _POLICES_ANALYSEES[fichier] = self.fonts[f"dejavu{style}"]
            return
        police = copy.copy(modele)
        police.ttfont = ttLib.TTFont(BytesIO(_octets(fichier)), recalcTimestamp=False, lazy=True)
        police.subset = SubsetMap(police)
        police.biggest_size_pt = 0
        police.missing_glyphs = []
        police.i = len(self.fonts) + 1
        self.fonts[f"dejavu{style}"] = police

    # -- page furniture -------------------------------------------------------------
    def header(self):
        if self.entete is not None:
            self.set_font("DejaVu", "", 8)
            self.set_text_color(*GRIS)
            self.cell(0, 5, self.entete, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)
            self.set_text_color(0, 0, 0)
            return
        if self.structure is None:
            return
        self.set_font("DejaVu", "B", 11)
        self.set_text_color(*BLEU)
        self.cell(0, 6, self.structure.nom, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 9)
        self.set_text_color(70, 70, 70)
        details = " — ".join(x for x in (self.structure.type_structure, self.structure.ville) if x)
        if details:
            self.cell(0, 5, details, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*BLEU)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-13)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*GRIS)
        mention = " — document confidentiel" if self.confidentiel else ""
        self.cell(0, 5, f"{self.titre_doc}{mention} — page {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    # -- blocks ----------------------------------------------------------------------
    def titre(self, texte: str, taille: float = 15):
        self.set_font("DejaVu", "B", taille)
        self.multi_cell(0, 8, texte, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def intertitre(self, texte: str):
        self.ln(2)
        self.set_font("DejaVu", "B", 11)
        self.cell(0, 7, texte, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 10)

    def paragraphe(self, texte: str, taille: float = 10, hauteur: float = 5.2):
        self.set_font("DejaVu", "", taille)
        self.multi_cell(0, hauteur, (texte or "").strip() or "—", align="L", new_x="LMARGIN", new_y="NEXT")

    def mention(self, texte: str, taille: float = 8.5):
        """Small grey print: legal notices, edition date."""
        self.set_font("DejaVu", "", taille)
        self.set_text_color(*GRIS)
        self.multi_cell(0, 4.5, texte, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)

    def rubrique(self, titre: str, texte: str, *, note: str = ""):
        """A shaded heading, an optional grey explanation, then the text."""
        self.set_font("DejaVu", "B", 11)
        self.set_fill_color(235, 240, 247)
        self.cell(0, 7, titre, fill=True, new_x="LMARGIN", new_y="NEXT")
        if note:
            self.mention(note, 8)
        self.paragraphe(texte)
        self.ln(3)

    def champs(self, lignes: list[tuple[str, str]], largeur_libelle: float = 55):
        for libelle, valeur in lignes:
            self.set_font("DejaVu", "B", 10)
            self.cell(largeur_libelle, 6, libelle)
            self.set_font("DejaVu", "", 10)
            self.multi_cell(0, 6, valeur or "—", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def signatures(self, gauche: str, droite: str):
        self.ln(4)
        y = self.get_y()
        self.set_font("DejaVu", "", 10)
        largeur = (self.w - self.l_margin - self.r_margin) / 2
        self.cell(largeur, 6, gauche)
        self.cell(largeur, 6, droite, new_x="LMARGIN", new_y="NEXT")
        self.rect(self.l_margin, y + 7, largeur - 6, 20)
        self.rect(self.l_margin + largeur, y + 7, largeur - 6, 20)
        self.set_y(y + 30)

    def en_octets(self) -> bytes:
        return bytes(self.output())
