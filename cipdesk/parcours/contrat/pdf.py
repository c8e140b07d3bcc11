"""The contract of accompaniment for signature: its content once (`contenu`), printed as a PDF
(fpdf2, embedded DejaVu font so every French character prints; French date formats) or written
as an editable DOCX (python-docx, issue #19 point 6) with the same sections."""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from cipdesk.documents.base import Document
from cipdesk.web.filtres import date_fr

CONFIDENTIALITE = ("Les informations échangées dans le cadre de l'accompagnement sont couvertes par le secret "
                   "professionnel. Elles ne sont partagées avec un partenaire qu'avec votre accord, et "
                   "seulement ce qui est strictement nécessaire. Vous pouvez demander à consulter, rectifier "
                   "ou faire effacer les données qui vous concernent (RGPD).")


@dataclass(frozen=True)
class ContenuContrat:
    sous_titre: str                          # « Avenant n° 2 du … », or ""
    lignes: tuple[tuple[str, str], ...]      # (label, value) at the top
    sections: tuple[tuple[str, str], ...]    # (heading, text)
    fait_a: str
    signataires: tuple[tuple[str, str], ...]  # (role, name)


def contenu(parcours, structure) -> ContenuContrat:
    version = max(parcours.versions_contrat, key=lambda v: v.numero) if parcours.versions_contrat else None
    personne = parcours.personne
    sections = []
    if version is not None and version.motif:
        sections.append(("Motif de la modification", version.motif))
    sections += [("Objectifs du parcours", parcours.objectifs),
                 ("Engagements de la personne", parcours.engagements_personne),
                 (f"Engagements de {structure.nom}", parcours.engagements_structure),
                 ("Confidentialité", CONFIDENTIALITE)]
    return ContenuContrat(
        sous_titre=(f"{version.nature.libelle} n° {version.numero} du {date_fr(version.le)}"
                    if version is not None and version.numero > 1 else ""),
        lignes=(("Personne accompagnée", personne.nom_complet),
                ("Référent·e du parcours", parcours.referent.nom_complet),
                ("Dispositif", parcours.dispositif_libelle),
                ("Début du parcours", date_fr(parcours.debut)),
                ("Fin prévue", date_fr(parcours.fin_prevue) if parcours.fin_prevue else "non fixée")),
        sections=tuple(sections),
        fait_a="Fait à " + (structure.ville or "………………") + ", le ……/……/…………",
        signataires=(("La personne accompagnée", personne.nom_complet),
                     ("Pour la structure, le ou la référent·e", parcours.referent.nom_complet)))


def contrat_en_pdf(parcours, structure) -> bytes:
    c = contenu(parcours, structure)
    pdf = Document("Contrat d'accompagnement", structure=structure)
    pdf.set_author(structure.nom)
    pdf.set_font("DejaVu", "B", 15)
    pdf.cell(0, 9, "Contrat d'accompagnement", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    if c.sous_titre:
        pdf.cell(0, 6, c.sous_titre, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for libelle, valeur in c.lignes:
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(55, 6, libelle)
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(0, 6, valeur, new_x="LMARGIN", new_y="NEXT")
    for titre, texte in c.sections:
        pdf.intertitre(titre)
        pdf.paragraphe(texte)
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, c.fait_a, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    y = pdf.get_y()
    (role_1, nom_1), (role_2, nom_2) = c.signataires
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(85, 6, role_1)
    pdf.cell(0, 6, role_2, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(85, 5, nom_1)
    pdf.cell(0, 5, nom_2, new_x="LMARGIN", new_y="NEXT")
    pdf.rect(18, y + 13, 78, 26)
    pdf.rect(103, y + 13, 89, 26)
    return pdf.en_octets()


def contrat_en_docx(parcours, structure) -> bytes:
    """The same contract as an editable document: the conseiller adapts it before printing."""
    from docx import Document as Docx

    c = contenu(parcours, structure)
    doc = Docx()
    doc.core_properties.title = "Contrat d'accompagnement"
    doc.core_properties.author = structure.nom
    doc.add_heading("Contrat d'accompagnement", level=0)
    if c.sous_titre:
        doc.add_paragraph(c.sous_titre)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for libelle, valeur in c.lignes:
        cellules = table.add_row().cells
        cellules[0].text, cellules[1].text = libelle, valeur
        for run in cellules[0].paragraphs[0].runs:
            run.bold = True
    for titre, texte in c.sections:
        doc.add_heading(titre, level=1)
        for paragraphe in (texte or "").split("\n"):
            doc.add_paragraph(paragraphe)
    doc.add_paragraph(c.fait_a)
    signatures = doc.add_table(rows=2, cols=2)
    signatures.style = "Table Grid"
    for i, (role, nom) in enumerate(c.signataires):
        signatures.rows[0].cells[i].text = f"{role}\n{nom}"
        signatures.rows[1].cells[i].text = "\n\n\n"
    sortie = BytesIO()
    doc.save(sortie)
    return sortie.getvalue()
