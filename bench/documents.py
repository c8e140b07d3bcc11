"""Benchmark of the one document base (cipdesk/documents/base.py), issue #12 « bancs non
concluants »: a feuille d'émargement-sized PDF (title, 15 lines, signature boxes) built three
ways, in the same process and at the same moment (so under the same load):

1. the full DejaVu fonts parsed at every document (what the base did before);
2. the fonts reduced by scripts/polices_pdf.py, still parsed at every document;
3. the base as it is: reduced fonts, parsed once per process.

    python -m bench.documents [--documents 200]

Prints a Markdown table (appended to bench/RESULTS.md with --resultats)."""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from datetime import datetime

from fpdf import FPDF

from bench.ateliers import centile
from cipdesk.documents.base import POLICES, Document

LIGNES = [f"Participant·e {i:02d} — Léa Durand-Éloïse, « Numérique : mes démarches » ✓" for i in range(15)]


def _remplir(pdf) -> bytes:
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, "Feuille d'émargement — Remobilisation, demi-journée du 01/12/2026")
    pdf.set_font("DejaVu", "", 10)
    for ligne in LIGNES:
        pdf.cell(120, 9, ligne, border=1)
        pdf.cell(0, 9, "", border=1, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _fpdf(regulier: str, gras: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(POLICES / regulier))
    pdf.add_font("DejaVu", "B", str(POLICES / gras))
    pdf.add_page()
    return _remplir(pdf)


def _base() -> bytes:
    return _remplir(Document("Feuille d'émargement", entete="Structure"))


FACONS = [
    ("police complète analysée à chaque document (avant)", lambda: _fpdf("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")),
    ("police réduite, analysée à chaque document",
     lambda: _fpdf("DejaVuSans-Documents.ttf", "DejaVuSans-Bold-Documents.ttf")),
    ("base actuelle : police réduite analysée une fois par processus", _base),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--resultats", default="")
    args = parser.parse_args()
    resultats = []
    for nom, faire in FACONS:
        faire()   # warm-up
        durees, taille = [], 0
        for _ in range(args.documents):
            debut = time.perf_counter()
            taille = len(faire())
            durees.append((time.perf_counter() - debut) * 1000)
        resultats.append((nom, statistics.median(durees), centile(durees, 95), taille))
    charge = os.getloadavg()[0]
    lignes = [f"\n\n## {datetime.now():%Y-%m-%d %H:%M} — base des documents PDF (issue #12, émargement) : "
              f"{args.documents} documents par façon, dans le processus\n",
              f"Machine : {os.cpu_count()} cœurs, Python {platform.python_version()}, charge moyenne {charge:.1f} "
              "(machine partagée : comparer les lignes entre elles, mesurées au même moment). Document : un "
              "titre et 15 lignes à case de signature, comme une feuille d'émargement.\n",
              "| façon | p50 (ms) | p95 (ms) | octets |", "| --- | ---: | ---: | ---: |"]
    lignes += [f"| {nom} | {p50:.1f} | {p95:.1f} | {taille} |" for nom, p50, p95, taille in resultats]
    texte = "\n".join(lignes) + "\n"
    print(texte)
    if args.resultats:
        with open(args.resultats, "a", encoding="utf-8") as f:
            f.write(texte)


if __name__ == "__main__":
    main()
