"""The synthèse d'entretien handed to the person (documents base; never a
confidential note, the analysis only if the person agreed)."""
from __future__ import annotations

from cipdesk.core.dates import maintenant
from cipdesk.documents.base import Document, jour as _jour


def synthese(s, personne, structure) -> bytes:
    doc = Document("Synthèse d'entretien", structure=structure)
    doc.titre("Synthèse d'entretien")
    doc.champs([("Personne", personne.nom_complet), ("Date de l'entretien", _jour(s.date_entretien)),
                ("Objet", s.objet), ("Conseiller·ère", s.conseiller.nom_complet)])
    doc.rubrique("Les faits", s.faits, note="Ce qui a été dit et constaté pendant l'entretien.")
    if s.paroles_personne.strip():
        doc.rubrique("Ce que vous avez exprimé", s.paroles_personne)
    if s.analyse_partagee and s.analyse.strip():
        doc.rubrique("Analyse du conseiller", s.analyse,
                     note="Point de vue du conseiller, partagé avec votre accord ; vous pouvez le discuter.")
    doc.rubrique("Ce que nous avons convenu", s.suites)
    doc.set_font("DejaVu", "", 8.5)
    doc.multi_cell(0, 4.5, "Vous pouvez demander à consulter ou à faire rectifier les informations vous concernant "
                           "auprès de la structure (RGPD). Ce document vous est remis personnellement.",
                   new_x="LMARGIN", new_y="NEXT")
    doc.signatures("La personne accompagnée", "Le conseiller / la conseillère")
    doc.set_font("DejaVu", "", 8)
    doc.cell(0, 5, f"Édité le {maintenant():%d/%m/%Y}")
    return doc.en_octets()
