"""The bilan of a parcours (REAC CP6 : « Le bilan du parcours est réalisé avec la personne »),
its content once (`contenu`), printed as a PDF (documents base) or written as an editable DOCX
(python-docx, issue #19 point 6) with the same sections — as the contract. Before the exit, the
same document is a « bilan intermédiaire »: objectives and étapes, the bilan left to write."""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from cipdesk.documents.base import Document, jour
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE, echeances_suivi

MENTION = ("Vous pouvez demander à consulter ou à faire rectifier les informations vous concernant auprès de la "
           "structure (RGPD). Ce document vous est remis personnellement.")


@dataclass(frozen=True)
class ContenuBilan:
    titre: str
    champs: tuple[tuple[str, str], ...]      # (label, value) at the top
    sections: tuple[tuple[str, str], ...]    # (heading, text: one line per item)
    signataires: tuple[str, str]


def contenu(parcours) -> ContenuBilan:
    personne, sortie = parcours.personne, parcours.sortie
    champs = [("Personne accompagnée", personne.nom_complet), ("Référent·e du parcours", parcours.referent.nom_complet),
              ("Dispositif", parcours.dispositif_libelle), ("Début du parcours", jour(parcours.debut))]
    if sortie is None:
        champs.append(("Fin prévue", jour(parcours.fin_prevue) if parcours.fin_prevue else "non fixée"))
    else:
        motif = MOTIFS_SORTIE[sortie.motif][0] if sortie.motif in MOTIFS_SORTIE else sortie.motif
        champs += [("Sortie le", jour(sortie.sortie_le)), ("Catégorie de sortie", sortie.categorie.libelle),
                   ("Motif", motif + (f" — {sortie.precision}" if sortie.precision else ""))]
    etapes = "\n".join(
        f"– {e.intitule} : {e.statut.libelle.lower()}"
        + (f", le {jour(e.realisee_le)}" if e.realisee_le else (f", échéance {jour(e.echeance)}" if e.echeance else ""))
        for e in parcours.etapes) or "Aucune étape inscrite au plan d'action."
    sections = [("Objectifs du parcours", parcours.objectifs or ""), ("Étapes du parcours", etapes),
                ("Bilan du parcours", parcours.bilan or ("À rédiger avec la personne à la sortie du parcours."
                                                          if sortie is None else ""))]
    if sortie is not None:
        if sortie.relais_vers and sortie.relais_consentement:
            sections.append(("Passage de relais", f"À {sortie.relais_vers}, avec votre accord"
                             + (f" : {sortie.relais_contenu}" if sortie.relais_contenu else ".")))
        faits = {s.mois: s for s in sortie.suivis}
        sections.append(("Suivis après la sortie", "\n".join(
            f"– À {mois} mois ({jour(echeance)}) : "
            + (f"{faits[mois].situation.libelle.lower()}, point fait le {jour(faits[mois].fait_le)}" if mois in faits
               else "à faire")
            for mois, echeance in echeances_suivi(sortie.sortie_le).items())))
    return ContenuBilan("Bilan du parcours" if sortie is not None else "Bilan intermédiaire du parcours",
                        tuple(champs), tuple(sections),
                        ("La personne accompagnée", "Le ou la référent·e du parcours"))


def bilan_en_pdf(parcours, structure) -> bytes:
    c = contenu(parcours)
    doc = Document(c.titre, structure=structure)
    doc.set_author(structure.nom)
    doc.titre(c.titre)
    doc.champs(list(c.champs))
    for titre, texte in c.sections:
        doc.rubrique(titre, texte)
    doc.mention(MENTION)
    doc.signatures(*c.signataires)
    return doc.en_octets()


def bilan_en_docx(parcours, structure) -> bytes:
    """The same bilan as an editable document: the conseiller completes it with the person."""
    from docx import Document as Docx

    c = contenu(parcours)
    doc = Docx()
    doc.core_properties.title = c.titre
    doc.core_properties.author = structure.nom
    doc.add_heading(c.titre, level=0)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for libelle, valeur in c.champs:
        cellules = table.add_row().cells
        cellules[0].text, cellules[1].text = libelle, valeur or ""
        for run in cellules[0].paragraphs[0].runs:
            run.bold = True
    for titre, texte in c.sections:
        doc.add_heading(titre, level=1)
        for paragraphe in (texte or "").split("\n"):
            doc.add_paragraph(paragraphe)
    doc.add_paragraph(MENTION)
    signatures = doc.add_table(rows=2, cols=2)
    signatures.style = "Table Grid"
    for i, role in enumerate(c.signataires):
        signatures.rows[0].cells[i].text = role
        signatures.rows[1].cells[i].text = "\n\n\n"
    sortie = BytesIO()
    doc.save(sortie)
    return sortie.getvalue()
