"""Regenerate the fonts of the PDF documents (cipdesk/documents/fonts/*-Documents.ttf): DejaVu
Sans reduced to the scripts a French social-work document meets — Latin (with Vietnamese and the
combining accents of decomposed input), Greek, Cyrillic, punctuation, currencies, arrows, check
boxes and a few symbols. The full font has 6 253 glyphs, parsed and subset at every document (most of
the time of a short PDF); this one keeps a fifth of them, with the same metrics. Arabic, Hebrew
and other scripts, which fpdf2 would print unshaped anyway, are not kept.

    python scripts/polices_pdf.py            # from the full DejaVu fonts in cipdesk/documents/fonts
"""
from __future__ import annotations

from pathlib import Path

from fontTools import subset

POLICES = Path(__file__).resolve().parent.parent / "cipdesk" / "documents" / "fonts"

PLAGES = (
    (0x0020, 0x007E), (0x00A0, 0x036F),   # Latin, Latin-1, Latin Extended-A/B, IPA, spacing and combining marks
    (0x0370, 0x03FF), (0x0400, 0x045F),   # Greek, Cyrillic
    (0x1E00, 0x1EFF),                     # Latin Extended Additional (Vietnamese…)
    (0x2000, 0x206F), (0x20A0, 0x20CF),   # punctuation (– — … « » ‘ ’ “ ” ·), currencies (€)
    (0x2116, 0x2116), (0x2122, 0x2122),   # № ™
    (0x2150, 0x215F), (0x2190, 0x2199),   # fractions (½), arrows (→ ←)
    (0x2212, 0x2212), (0x221E, 0x221E), (0x2248, 0x2248), (0x2260, 0x2265),   # − ∞ ≈ ≠ ≤ ≥
    (0x25A0, 0x25AB), (0x25CB, 0x25CF),   # squares and circles (■ □ ● ○)
    (0x2610, 0x2612), (0x2713, 0x2718),   # ballot boxes (☐ ☑ ☒), check marks (✓ ✔ ✗ ✘)
    (0xFB00, 0xFB06), (0xFFFD, 0xFFFD),   # ligatures (ﬁ ﬂ), replacement character
)


def reduire(source: Path, cible: Path) -> None:
    # No layout tables (GSUB, GPOS, kern, MATH) nor hinting: fpdf2 without text shaping never reads
    # them, and they would be copied, subset and written again into every PDF.
    options = subset.Options(notdef_outline=True, recommended_glyphs=True, layout_features=[],
                             name_IDs=["*"], name_languages=["*"], glyph_names=True, hinting=False)
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "MATH", "kern"]
    police = subset.load_font(str(source), options)
    sous = subset.Subsetter(options)
    sous.populate(unicodes=[u for debut, fin in PLAGES for u in range(debut, fin + 1)])
    sous.subset(police)
    subset.save_font(police, str(cible), options)


if __name__ == "__main__":
    for nom in ("DejaVuSans", "DejaVuSans-Bold"):
        reduire(POLICES / f"{nom}.ttf", POLICES / f"{nom}-Documents.ttf")
        print(nom, (POLICES / f"{nom}-Documents.ttf").stat().st_size, "octets")
