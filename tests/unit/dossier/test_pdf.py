"""The page estimate is the real count: each part laid out alone has exactly the pages it
has in the exported PDF, read back with a PDF reader (pdftotext); the cover and the table
of contents are not counted, annexes are numbered apart (A-1…) and outside the count."""
from __future__ import annotations

import subprocess

from bench.dossier_pdf import dossier_synthetique
from cipdesk.dossier.pdf import dossier_pdf, pages_de_la_partie


def test_pages_par_partie_relues_dans_le_pdf(tmp_path):
    couverture, parties, annexes = dossier_synthetique(42)
    contenu, pages = dossier_pdf(couverture, parties, annexes)
    chemin = tmp_path / "d.pdf"
    chemin.write_bytes(contenu)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    feuilles = texte.split("\f")[:-1]
    assert "Sommaire" in feuilles[1] and "page" not in feuilles[0].splitlines()[-1]
    for partie in parties:
        relues = sum(1 for f in feuilles if f"CIP — {partie.titre}" in f.replace("\n", " ").replace("  ", " ")
                     or f"CIP — {partie.intitule} —" in f)
        assert relues == pages[partie.numero] == pages_de_la_partie(partie), partie.numero
    assert 32 <= sum(pages.values()) <= 42
    numeros = [f.strip().splitlines()[-1].strip() for f in feuilles[2:]]
    assert numeros[0].endswith("page 1") and numeros[sum(pages.values()) - 1].endswith(f"page {sum(pages.values())}")
    assert numeros[-1].endswith("page A-1")
    sommaire = feuilles[1]
    assert "Deuxième partie" in sommaire and "A-1" in sommaire


def test_un_entete_de_tableau_ne_reste_jamais_seul_en_bas_de_page():
    """The heading row and the first row go to the next page together when the first row
    (several lines tall) does not fit under the heading."""
    from cipdesk.dossier.pdf import DocumentDossier

    doc = DocumentDossier("Essai", estimation=True)
    doc.courant = "Essai"
    doc.add_page()
    doc.set_y(doc.page_break_trigger - 16)   # room for the heading, not for a 6-line row
    haute = " ".join(["mot"] * 60)
    entetes = []   # the page of each heading cell drawn (filled rectangles)
    rect = doc.rect
    doc.rect = lambda *a, style=None, **k: (entetes.append(doc.page_no()) if style == "DF" else None,
                                            rect(*a, style=style, **k))
    doc.tableau(("Entête A", "Entête B"), [(haute, "x"), ("court", "y")], (20, 80))
    assert doc.page_no() == 2
    assert entetes == [2, 2]   # drawn once, on the page of the first row: never alone on page 1


def test_pas_de_page_blanche_apres_le_sommaire(tmp_path):
    couverture, parties, annexes = dossier_synthetique(42)
    contenu, pages = dossier_pdf(couverture, parties, annexes)
    chemin = tmp_path / "d.pdf"
    chemin.write_bytes(contenu)
    texte = subprocess.run(["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True,
                           check=True).stdout
    feuilles = texte.split("\f")[:-1]
    assert parties[0].intitule in feuilles[2]
    for f in feuilles[2:]:
        assert len([ligne for ligne in f.splitlines() if ligne.strip()]) > 3
