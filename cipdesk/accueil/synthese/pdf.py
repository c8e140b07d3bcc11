"""The synthèse d'entretien handed to the person (documents base; never a
confidential note, the analysis only if the person agreed): its content once (`contenu`),
printed as a PDF or written as an editable DOCX (issue #19, point 6) with the same sections."""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from cipdesk.core.dates import maintenant
from cipdesk.documents.base import Document, jour as _jour

MENTION = ("Vous pouvez demander à consulter ou à faire rectifier les informations vous concernant "
           "auprès de la structure (RGPD). Ce document vous est remis personnellement.")
SIGNATAIRES = ("La personne accompagnée", "Le conseiller / la conseillère")


@dataclass(frozen=True)
class ContenuSynthese:
    champs: list[tuple[str, str]]
    rubriques: list[tuple[str, str, str]]   # (heading, text, note)


def contenu(s, personne) -> ContenuSynthese:
    rubriques = [("Les faits", s.faits, "Ce qui a été dit et constaté pendant l'entretien.")]
    if s.paroles_personne.strip():
        rubriques.append(("Ce que vous avez exprimé", s.paroles_personne, ""))
    if s.analyse_partagee and s.analyse.strip():
        rubriques.append(("Analyse du conseiller", s.analyse,
                          "Point de vue du conseiller, partagé avec votre accord ; vous pouvez le discuter."))
    rubriques.append(("Ce que nous avons convenu", s.suites, ""))
    return ContenuSynthese([("Personne", personne.nom_complet), ("Date de l'entretien", _jour(s.date_entretien)),
                            ("Objet", s.objet), ("Conseiller·ère", s.conseiller.nom_complet)], rubriques)


def synthese(s, personne, structure) -> bytes:
    c = contenu(s, personne)
    doc = Document("Synthèse d'entretien", structure=structure)
    doc.titre("Synthèse d'entretien")
    doc.champs(c.champs)
    for titre, texte, note in c.rubriques:
        doc.rubrique(titre, texte, note=note)
    doc.set_font("DejaVu", "", 8.5)
    doc.multi_cell(0, 4.5, MENTION, new_x="LMARGIN", new_y="NEXT")
    doc.signatures(*SIGNATAIRES)
    doc.set_font("DejaVu", "", 8)
    doc.cell(0, 5, f"Édité le {maintenant():%d/%m/%Y}")
    return doc.en_octets()


def synthese_en_docx(s, personne, structure) -> bytes:
    """The same synthèse as an editable document."""
    from docx import Document as Docx

    c = contenu(s, personne)
    doc = Docx()
    doc.core_properties.title = "Synthèse d'entretien"
    doc.core_properties.author = structure.nom
    doc.add_heading("Synthèse d'entretien", level=0)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for libelle, valeur in c.champs:
        cellules = table.add_row().cells
        cellules[0].text, cellules[1].text = libelle, valeur or ""
    for titre, texte, note in c.rubriques:
        doc.add_heading(titre, level=1)
        if note:
            doc.add_paragraph(note).runs[0].italic = True
        for paragraphe in (texte or "").split("\n"):
            doc.add_paragraph(paragraphe)
    doc.add_paragraph(MENTION)
    signatures = doc.add_table(rows=2, cols=2)
    signatures.style = "Table Grid"
    for i, role in enumerate(SIGNATAIRES):
        signatures.rows[0].cells[i].text = role
        signatures.rows[1].cells[i].text = "\n\n\n"
    doc.add_paragraph(f"Édité le {maintenant():%d/%m/%Y}")
    sortie = BytesIO()
    doc.save(sortie)
    return sortie.getvalue()
