"""The dossier as an editable document (DOCX, python-docx), with the structure of its PDF:
cover, table of contents (a Word field, updated on opening), the seven parts titled with
their competences, running header, page numbers, tables, annexes after a section break
numbered apart (A-1…) and outside the count."""
from __future__ import annotations

from io import BytesIO

from docx import Document as Docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from cipdesk.dossier.brouillon.commun import Bloc
from cipdesk.dossier.pdf import Couverture, PartieMiseEnPage


def _champ(paragraphe, instruction: str) -> None:
    """A Word field (PAGE, TOC…) computed by the word processor."""
    for nature, texte in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        run = paragraphe.add_run()
        if nature:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), nature)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = texte
        run._r.append(element)


def _numerotation(section, format_: str | None, depart: int) -> None:
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), str(depart))
    if format_:
        pg.set(qn("w:fmt"), format_)
    section._sectPr.append(pg)


def _pied(section, prefixe: str) -> None:
    section.footer.is_linked_to_previous = False
    p = section.footer.paragraphs[0]
    p.text = prefixe
    _champ(p, "PAGE")


def _bloc(doc, bloc: Bloc) -> None:
    if bloc.titre:
        doc.add_heading(bloc.titre, level=2)
    for texte in bloc.paragraphes:
        if (texte or "").strip():
            doc.add_paragraph(texte)
    if bloc.tableau is not None and bloc.tableau.lignes:
        table = doc.add_table(rows=1, cols=len(bloc.tableau.entetes))
        table.style = "Table Grid"
        for cellule, texte in zip(table.rows[0].cells, bloc.tableau.entetes, strict=True):
            cellule.text = texte
            for run in cellule.paragraphs[0].runs:
                run.bold = True
        for ligne in bloc.tableau.lignes:
            for cellule, texte in zip(table.add_row().cells, ligne, strict=True):
                cellule.text = str(texte or "—")


def _texte(doc, texte: str) -> None:
    for paragraphe in (texte or "").split("\n\n"):
        if paragraphe.strip():
            doc.add_paragraph(paragraphe.strip())


def dossier_docx(couverture: Couverture, parties: list[PartieMiseEnPage],
                 annexes: list[tuple[str, list[Bloc]]], *, titre_document: str = "Dossier du titre professionnel CIP",
                 entete_couverture: str = "Dossier de présentation du titre professionnel") -> bytes:
    doc = Docx()
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = titre_document
    doc.core_properties.author = couverture.candidat
    doc.add_heading(entete_couverture, level=0)
    doc.add_paragraph(couverture.titre).runs[0].bold = True
    doc.add_paragraph(couverture.code)
    for libelle, valeur in (("Candidat·e", couverture.candidat), ("Structure d'exercice", couverture.structure),
                            ("Voie d'accès", couverture.voie), ("Session", couverture.session)):
        p = doc.add_paragraph()
        p.add_run(f"{libelle} : ").bold = True
        p.add_run(valeur)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Sommaire", level=1)
    _champ(doc.add_paragraph(), 'TOC \\o "1-1" \\h \\z \\u')
    doc.add_paragraph("(Le sommaire se met à jour à l'ouverture : clic droit, « Mettre à jour les champs ».)")
    for i, partie in enumerate(parties):
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        section.header.is_linked_to_previous = False
        section.header.paragraphs[0].text = f"{titre_document} — {partie.titre}"
        if i == 0:
            _numerotation(section, None, 1)   # continuous numbering from the first part
            _pied(section, f"{titre_document} — page ")
        doc.add_heading(partie.titre, level=1)
        doc.add_paragraph().add_run("Compétences : " + " ; ".join(partie.competences)).italic = True
        _texte(doc, partie.introduction)
        for bloc in partie.blocs:
            _bloc(doc, bloc)
        _texte(doc, partie.transitions)
        if partie.analyse:
            doc.add_heading("Analyse de ma pratique", level=2)
            for titre, texte in partie.analyse:
                if (texte or "").strip():
                    doc.add_heading(titre, level=3)
                    _texte(doc, texte)
    for i, (titre, blocs) in enumerate(annexes, start=1):
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        if i == 1:
            section.header.is_linked_to_previous = False
            section.header.paragraphs[0].text = "Dossier du titre professionnel CIP — Annexes"
            _numerotation(section, None, 1)
            _pied(section, "Annexe — page A-")
        doc.add_heading(f"Annexe {i} — {titre}", level=1)
        for bloc in blocs:
            _bloc(doc, bloc)
    flux = BytesIO()
    doc.save(flux)
    return flux.getvalue()
