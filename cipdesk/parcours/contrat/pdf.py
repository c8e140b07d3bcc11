"""The contract of accompaniment as a PDF for signature (fpdf2, embedded DejaVu
font so every French character prints; French date formats)."""
from __future__ import annotations

from cipdesk.documents.base import Document
from cipdesk.web.filtres import date_fr


def contrat_en_pdf(parcours, structure) -> bytes:
    version = max(parcours.versions_contrat, key=lambda v: v.numero) if parcours.versions_contrat else None
    pdf = Document("Contrat d'accompagnement", structure=structure)
    pdf.set_author(structure.nom)
    pdf.set_font("DejaVu", "B", 15)
    pdf.cell(0, 9, "Contrat d'accompagnement", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    if version is not None and version.numero > 1:
        pdf.cell(0, 6, f"{version.nature.libelle} n° {version.numero} du {date_fr(version.le)}", align="C",
                 new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    personne = parcours.personne
    lignes = (("Personne accompagnée", personne.nom_complet),
              ("Référent·e du parcours", parcours.referent.nom_complet),
              ("Dispositif", parcours.dispositif_libelle),
              ("Début du parcours", date_fr(parcours.debut)),
              ("Fin prévue", date_fr(parcours.fin_prevue) if parcours.fin_prevue else "non fixée"))
    for libelle, valeur in lignes:
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(55, 6, libelle)
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(0, 6, valeur, new_x="LMARGIN", new_y="NEXT")
    if version is not None and version.motif:
        pdf.intertitre("Motif de la modification")
        pdf.paragraphe(version.motif)
    pdf.intertitre("Objectifs du parcours")
    pdf.paragraphe(parcours.objectifs)
    pdf.intertitre("Engagements de la personne")
    pdf.paragraphe(parcours.engagements_personne)
    pdf.intertitre(f"Engagements de {structure.nom}")
    pdf.paragraphe(parcours.engagements_structure)
    pdf.intertitre("Confidentialité")
    pdf.paragraphe("Les informations échangées dans le cadre de l'accompagnement sont couvertes par le secret "
                   "professionnel. Elles ne sont partagées avec un partenaire qu'avec votre accord, et "
                   "seulement ce qui est strictement nécessaire. Vous pouvez demander à consulter, rectifier "
                   "ou faire effacer les données qui vous concernent (RGPD).")
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, "Fait à " + (structure.ville or "………………") + ", le ……/……/…………", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    y = pdf.get_y()
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(85, 6, "La personne accompagnée")
    pdf.cell(0, 6, "Pour la structure, le ou la référent·e", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(85, 5, personne.nom_complet)
    pdf.cell(0, 5, parcours.referent.nom_complet, new_x="LMARGIN", new_y="NEXT")
    pdf.rect(18, y + 13, 78, 26)
    pdf.rect(103, y + 13, 89, 26)
    return pdf.en_octets()
