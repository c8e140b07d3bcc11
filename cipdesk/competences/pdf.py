"""Coverage and readiness as a PDF the candidat brings to their tutor:
counts and record types only, never a person's name."""
from __future__ import annotations

from datetime import date

from cipdesk.core.contrat import registre
from cipdesk.documents.base import Document
from cipdesk.web.filtres import date_fr


def couverture_pdf(*, candidat, structure_nom: str, referentiel, lignes, comptes_types, le: date) -> bytes:
    """`lignes`: [(competence, count, latest date, state label, self-assessment label)]."""
    doc = Document("Couverture des compétences", confidentiel=False,
                   entete=f"{structure_nom} — cipdesk — document de travail du candidat, sans données personnelles")
    doc.set_font("DejaVu", "B", 15)
    doc.multi_cell(0, 8, new_x="LMARGIN", new_y="NEXT", text="Couverture des compétences (REAC du titre CIP)")
    doc.set_font("DejaVu", "", 10)
    doc.multi_cell(0, 5, new_x="LMARGIN", new_y="NEXT", text=f"{candidat.nom_complet} — {referentiel.intitule_court} — état au {date_fr(le)}.\n"
                         "Ce document ne contient que des nombres et des types d'activités : aucune personne "
                         "accompagnée n'y est nommée.")
    doc.ln(3)
    largeurs = (18, 92, 16, 22, 26)
    doc.set_font("DejaVu", "B", 9)
    doc.set_fill_color(230, 236, 245)
    for texte, largeur in zip(("Code", "Compétence", "Preuves", "Dernière", "État"), largeurs, strict=True):
        doc.cell(largeur, 7, texte, border=1, fill=True)
    doc.ln()
    doc.set_font("DejaVu", "", 8)
    for comp, nombre, dernier, etat, auto in lignes:
        # The full title of the competence, wrapped (never cut with « … »): one table row.
        valeurs = (comp.code, comp.intitule, str(nombre), date_fr(dernier) if dernier else "—", etat)
        with doc.table(col_widths=largeurs, first_row_as_headings=False, line_height=5) as table:
            ligne = table.row()
            for texte in valeurs:
                ligne.cell(texte)
        if auto:
            doc.set_text_color(70, 70, 70)
            doc.cell(largeurs[0], 5, "")
            doc.cell(sum(largeurs[1:]), 5, f"Auto-évaluation : {auto}", border=0)
            doc.set_text_color(0, 0, 0)
            doc.ln()
    doc.ln(4)
    doc.set_font("DejaVu", "B", 11)
    doc.cell(0, 7, "Preuves par type d'activité", new_x="LMARGIN", new_y="NEXT")
    doc.set_font("DejaVu", "", 9)
    par_code: dict[str, list[str]] = {}
    for code, objet_type, nombre in comptes_types:
        par_code.setdefault(code, []).append(f"{registre.libelle(objet_type)} : {nombre}")
    for code, morceaux in par_code.items():
        doc.multi_cell(0, 5, new_x="LMARGIN", new_y="NEXT", text=f"{code} — " + ", ".join(morceaux))
    doc.ln(4)
    doc.mention("La préparation du dossier, règle par règle, est dans « Mon dossier de certification ».")
    return doc.en_octets()
