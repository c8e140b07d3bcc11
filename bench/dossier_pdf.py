"""Benchmark of the jury's PDF (issue #16: « ≤ 1 s for 42 pages »): lays out a synthetic
dossier of seven parts — paragraphs, an analysis, tables of each kind — sized to about 42
pages, and times `dossier.pdf.dossier_pdf` (layout + output), median of N runs.

    python -m bench.dossier_pdf [--runs 5] [--pages 42]

No database: the layout is what is measured. Prints one line to paste into RESULTS.md."""
from __future__ import annotations

import argparse
import random
import statistics
import time

from cipdesk.dossier.brouillon.commun import Bloc, Tableau
from cipdesk.dossier.pdf import TITRES, Couverture, PartieMiseEnPage, dossier_pdf
from cipdesk.dossier.rules import CHAMPS_ANALYSE

PHRASES = (
    "La personne a exprimé le souhait de reprendre un emploi stable à proximité de son domicile.",
    "Nous avons co-construit les étapes du parcours à partir du diagnostic partagé, validé ensemble.",
    "Le partenaire sollicité a répondu sous huit jours, ce qui a permis de lever le frein lié à la mobilité.",
    "J'ai veillé à distinguer ce que la personne disait de ce que j'en interprétais.",
    "L'immersion en entreprise a confirmé l'intérêt pour le métier et révélé un besoin de formation courte.",
    "Les objectifs de l'atelier ont été évalués à chaud par un questionnaire et à froid six semaines plus tard.",
)
INTITULES = ("Première partie", "Deuxième partie", "Troisième partie", "Quatrième partie", "Cinquième partie",
             "Sixième partie", "Septième partie")


def texte(rnd: random.Random, phrases: int) -> str:
    return " ".join(rnd.choice(PHRASES) for _ in range(phrases))


def dossier_synthetique(pages: int, seed: int = 7) -> tuple[Couverture, list[PartieMiseEnPage], list]:
    """Seven parts whose volume adds up to about `pages` pages (about 2 800 characters a page)."""
    rnd = random.Random(seed)
    par_partie = max(1, pages // 7)
    parties = []
    for numero in range(1, 8):
        blocs = [Bloc(f"b{numero}.{i}", f"Bloc {i} de la partie {numero}", [texte(rnd, 8) for _ in range(3)])
                 for i in range(par_partie)]
        blocs.append(Bloc(f"t{numero}", "Tableau", [], Tableau(
            ("N°", "Durée", "Objectif", "Méthode", "Activités", "Évaluation"),
            tuple((str(i), "45 min", texte(rnd, 1), "Active", texte(rnd, 1), "Formative") for i in range(8)),
            (5, 9, 24, 20, 24, 18))))
        parties.append(PartieMiseEnPage(numero, INTITULES[numero - 1], [f"CP{numero + 5} — {TITRES[numero]}"],
                                        texte(rnd, 6), blocs, texte(rnd, 2),
                                        [(libelle, texte(rnd, 3)) for _c, libelle in CHAMPS_ANALYSE]))
    couverture = Couverture("Camille Lefebvre", "Conseiller en insertion professionnelle",
                            "TP-00403 — millésime 07 — niveau III", "15/06/2027",
                            "Validation des acquis de l'expérience (VAE)", "Association Tremplin Emploi Lille")
    annexes = [("Compétences", [Bloc("a", "", [], Tableau(("Code", "Compétence"), (("CP6", "Contractualiser"),)))])]
    return couverture, parties, annexes


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--runs", type=int, default=5)
    arguments.add_argument("--pages", type=int, default=42)
    args = arguments.parse_args()
    couverture, parties, annexes = dossier_synthetique(args.pages)
    dossier_pdf(couverture, parties, annexes)  # warm-up: fonts parsed once per process
    durees, cpu, pages = [], [], {}
    for _ in range(args.runs):
        debut, debut_cpu = time.perf_counter(), time.process_time()
        _pdf, pages = dossier_pdf(couverture, parties, annexes)
        durees.append(time.perf_counter() - debut)
        cpu.append(time.process_time() - debut_cpu)
    total = sum(pages.values())
    # Wall time depends on what else the machine runs; CPU time is the cost on a free core.
    print(f"| PDF du dossier du titre | {total} pages (hors annexes) | médiane {statistics.median(durees) * 1000:.0f} ms"
          f" (CPU {statistics.median(cpu) * 1000:.0f} ms) | max {max(durees) * 1000:.0f} ms | {args.runs} mesures |")


if __name__ == "__main__":
    main()
