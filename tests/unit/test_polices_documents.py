"""The fonts of the PDF documents (cipdesk/documents/fonts/*-Documents.ttf, made by
scripts/polices_pdf.py): reduced so a PDF no longer spends most of its time parsing and
subsetting DejaVu (issue #12, émargement bench), they still print every character the
documents meet — French, the referential's texts, the names of other Latin, Greek and
Cyrillic alphabets, the symbols of the code — with the metrics of the full font."""
from __future__ import annotations

import pathlib

import pytest
from fontTools.ttLib import TTFont

from cipdesk.documents.base import POLICES
from cipdesk.referentiel import reac_2018, titre_2023

RACINE = pathlib.Path(__file__).resolve().parents[2]
NOMS = ("Ångström Øyvind Łukasz Đorđević Şahin Ğül Nguyễn Thị Hương Ștefan Ţăran Müller Ñúñez Ærøskøbing "
        "Ольга Кравченко Ελένη Παπαδοπούλου ﬁnancement œuvre Œdipe ÿ Ÿ € № ½ ≤ ≥ ≠ → ☐ ☒ ✓ • … « » ‘ ’ “ ” – — ·")
TEXTES_REF = " ".join(str(v) for m in (reac_2018, titre_2023) for v in vars(m).values() if isinstance(v, (str, tuple, dict)))


def _caracteres_du_code() -> set[str]:
    texte = "".join(p.read_text(encoding="utf-8") for p in (RACINE / "cipdesk").rglob("*.py")
                    if "pdf" in p.name or p.parent.name == "documents")
    return {c for c in texte if ord(c) > 0x7E}


@pytest.mark.parametrize("nom", ["DejaVuSans", "DejaVuSans-Bold"])
def test_la_police_des_documents_couvre_ce_qu_ils_impriment(nom):
    reduite, complete = TTFont(POLICES / f"{nom}-Documents.ttf"), TTFont(POLICES / f"{nom}.ttf")
    cmap, cmap_complete = reduite.getBestCmap(), complete.getBestCmap()
    attendus = (set(NOMS) | set(TEXTES_REF) | _caracteres_du_code()) - set(" \n\t")
    manquants = sorted(c for c in attendus if ord(c) not in cmap and ord(c) in cmap_complete)
    assert not manquants, f"caractères absents de la police des documents : {manquants}"
    for c in attendus:
        if ord(c) in cmap:   # same advance widths: a document lays out as with the full font
            assert reduite["hmtx"][cmap[ord(c)]][0] == complete["hmtx"][cmap_complete[ord(c)]][0], c
    assert len(reduite.getGlyphOrder()) < len(complete.getGlyphOrder()) / 3


def test_documents_successifs_avec_la_police_analysee_une_fois():
    """The fonts are parsed once per process; every document still embeds its own subset (the
    glyphs it prints), so a second document is neither missing a glyph nor carrying the first's."""
    import re

    from cipdesk.documents.base import Document

    def glyphes(texte: str) -> int:
        d = Document("Essai")
        d.paragraphe(texte)
        brut = d.en_octets()
        assert b"/FontFile2" in brut
        return len(re.findall(rb"/Subtype /CIDFontType2", brut)), len(brut)

    glyphes("Émargement")   # parses the fonts
    court = glyphes("a")
    long = glyphes("Ольга Ελένη ÉÈÊËÀÂÇÎÏÔÛÙŒœ€«»—…✓☒→ abcdefghijklmnopqrstuvwxyz")
    assert court[0] == long[0] == 2 and long[1] > court[1] + 2000
    assert glyphes("a") == court   # nothing left over from the previous document
