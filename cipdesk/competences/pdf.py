"""Coverage and readiness as a PDF the candidat brings to their tutor:
counts and record types only, never a person's name."""
from __future__ import annotations

from datetime import date

from cipdesk.core.contrat import registre
from cipdesk.documents.base import Document
from cipdesk.web.filtres import date_fr


def couverture_pdf(*, candidat, structure_nom: str, referentiel, lignes, comptes_types, parties,
                   le: date) -> bytes:
    """`lignes`: [(competence, count, latest date, state label, self-assessment label)]."""
    doc = Document("Couverture des compétences", confidentiel=False,
                   entete=f"{structure_nom} — cipdesk — document de travail du candidat, sans données personnelles")
    doc.set_font("DejaVu", "B", 15)
    doc.multi_cell(0, 8, new_x="LMARGIN", new_y="NEXT", text="Couverture des compétences et préparation du dossier du titre CIP")
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
        intitule = comp.intitule if len(comp.intitule) < 62 else comp.intitule[:59] + "…"
        valeurs = (comp.code, intitule, str(nombre), date_fr(dernier) if dernier else "—", etat)
        for texte, largeur in zip(valeurs, largeurs, strict=True):
            doc.cell(largeur, 6, texte, border=1)
        doc.ln()
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
    doc.set_font("DejaVu", "B", 11)
    doc.cell(0, 7, "Préparation du dossier (RC §3.1)", new_x="LMARGIN", new_y="NEXT")
    for partie in parties:
        doc.set_font("DejaVu", "B", 9)
        etat = "prête" if partie.prete else "à compléter"
        doc.multi_cell(0, 5, new_x="LMARGIN", new_y="NEXT", text=f"{partie.intitule} ({', '.join(partie.competences)} ; "
                             f"{partie.pages_min} à {partie.pages_max} pages) : {etat}")
        doc.set_font("DejaVu", "", 9)
        if partie.prete:
            doc.multi_cell(0, 5, new_x="LMARGIN", new_y="NEXT", text=f"{len([c for c in partie.cas])} cas possible(s) dans l'activité enregistrée.")
        else:
            doc.multi_cell(0, 5, new_x="LMARGIN", new_y="NEXT", text=partie.manque)
        doc.ln(1)
    return doc.en_octets()
