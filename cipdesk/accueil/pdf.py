"""Printable documents handed over: the synthèse d'entretien (for the person) and
the fiche de liaison (for the partner). fpdf2 with the embedded DejaVu font;
never a confidential note, nothing the person did not agree to share."""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from cipdesk.accueil.services import telephone_affiche
from cipdesk.filtres_dates import PARIS

logging.getLogger("fontTools").setLevel(logging.WARNING)  # font subsetting logs every glyph at INFO
POLICES = Path(__file__).resolve().parent.parent / "pdf" / "fonts"


class Document(FPDF):
    def __init__(self, structure, titre: str):
        super().__init__(format="A4")
        self.structure, self.titre_doc = structure, titre
        self.add_font("DejaVu", "", str(POLICES / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(POLICES / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.set_title(titre)
        self.set_creator("cipdesk")
        self.add_page()

    def header(self):
        self.set_font("DejaVu", "B", 11)
        self.set_text_color(29, 79, 145)
        self.cell(0, 6, self.structure.nom, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 9)
        self.set_text_color(70, 70, 70)
        details = " — ".join(x for x in (self.structure.type_structure, self.structure.ville) if x)
        if details:
            self.cell(0, 5, details, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(29, 79, 145)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-13)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.titre_doc} — document confidentiel — page {self.page_no()}/{{nb}}", align="C")

    def titre(self, texte: str):
        self.set_font("DejaVu", "B", 15)
        self.multi_cell(0, 8, texte, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def rubrique(self, titre: str, texte: str, *, note: str = ""):
        self.set_font("DejaVu", "B", 11)
        self.set_fill_color(235, 240, 247)
        self.cell(0, 7, titre, fill=True, new_x="LMARGIN", new_y="NEXT")
        if note:
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.multi_cell(0, 4.5, note, new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
        self.set_font("DejaVu", "", 10)
        self.multi_cell(0, 5.2, texte.strip() or "—", align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def champs(self, lignes: list[tuple[str, str]]):
        for libelle, valeur in lignes:
            self.set_font("DejaVu", "B", 10)
            self.cell(55, 6, libelle)
            self.set_font("DejaVu", "", 10)
            self.multi_cell(0, 6, valeur or "—", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def signatures(self, gauche: str, droite: str):
        self.ln(4)
        y = self.get_y()
        self.set_font("DejaVu", "", 10)
        largeur = (self.w - self.l_margin - self.r_margin) / 2
        self.cell(largeur, 6, gauche)
        self.cell(largeur, 6, droite, new_x="LMARGIN", new_y="NEXT")
        self.rect(self.l_margin, y + 7, largeur - 6, 20)
        self.rect(self.l_margin + largeur, y + 7, largeur - 6, 20)
        self.set_y(y + 30)


def _jour(d) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


def synthese(s, personne, structure) -> bytes:
    doc = Document(structure, "Synthèse d'entretien")
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
    doc.cell(0, 5, f"Édité le {datetime.now(PARIS):%d/%m/%Y}")
    return bytes(doc.output())


def fiche_liaison(o, personne, structure) -> bytes:
    doc = Document(structure, "Fiche de liaison")
    doc.titre(f"Fiche de liaison — orientation vers {o.partenaire.nom}")
    p = o.partenaire
    doc.champs([("Partenaire", p.nom + (f" ({p.type_partenaire})" if p.type_partenaire else "")),
                ("Contact", p.contact_nom), ("Adresse", p.adresse),
                ("Téléphone / courriel", " — ".join(x for x in (telephone_affiche(p.telephone), p.email) if x)),
                ("Date de l'orientation", _jour(o.date_orientation)),
                ("Orienté·e par", f"{o.conseiller.nom_complet} ({o.conseiller.email})")])
    doc.champs([("Personne orientée", personne.nom_complet),
                ("Contact de la personne", " — ".join(x for x in (telephone_affiche(personne.telephone), personne.email) if x)
                 if o.consentement else "transmis avec son accord uniquement")])
    doc.rubrique("Motif de l'orientation", o.motif)
    if o.consentement:
        doc.rubrique("Informations transmises", o.informations_transmises,
                     note=f"Transmises avec l'accord de la personne, recueilli le {_jour(o.consentement_le)} "
                          f"({o.consentement_mode}) — secret partagé, strictement nécessaire à l'accompagnement.")
    else:
        doc.rubrique("Informations transmises", "Aucune : la personne n'a pas donné son accord à la transmission "
                                                "d'informations la concernant.")
    doc.rubrique("Réponse du partenaire", "", note="À compléter par le partenaire et à retourner au conseiller : "
                                                   "acceptée / refusée, date, commentaire.")
    doc.ln(14)
    doc.signatures("La personne accompagnée", "Le partenaire")
    return bytes(doc.output())
