"""The dossier laid out with fpdf2: the jury's PDF and the page estimate of each part
(the same layout, so the estimate is the real count, never a guess).

Cover (candidat, full title of the titre and its code, session, route of access), table of
contents with page numbers, the seven parts each titled with its competences, running
headers, continuous page numbers from the first part, tables, then annexes numbered apart
(A-1, A-2…) and outside the count (RC §3.1: « entre 32 et 42 pages (hors annexes) »)."""
from __future__ import annotations

from dataclasses import dataclass, field

from fpdf import FPDF

from cipdesk.documents.base import BLEU, GRIS, Document, jour
from cipdesk.dossier.brouillon.commun import Bloc

TITRES = {
    1: "Veille, travail en équipe, en réseau et en partenariat",
    2: "Contractualiser et suivre un parcours d'insertion",
    3: "Accompagner l'élaboration et la réalisation d'un projet professionnel",
    4: "Concevoir, préparer et animer un atelier thématique",
    5: "Prospecter les employeurs dans une démarche de développement durable",
    6: "Apporter un appui technique aux employeurs en matière de recrutement",
    7: "Faciliter l'intégration et le maintien du salarié dans l'emploi",
}


@dataclass
class PartieMiseEnPage:
    numero: int
    intitule: str                      # « Deuxième partie »
    competences: list[str]             # « CP6 — Contractualiser… », full titles
    introduction: str = ""
    blocs: list[Bloc] = field(default_factory=list)
    transitions: str = ""
    analyse: list[tuple[str, str]] = field(default_factory=list)   # (heading, text)

    @property
    def titre(self) -> str:
        return f"{self.intitule} — {TITRES.get(self.numero, '')}".strip(" —")


@dataclass
class Couverture:
    candidat: str
    titre: str            # full name of the titre
    code: str             # « TP-00403, millésime 07 »
    session: str
    voie: str
    structure: str


_POLICES: dict = {}


class DocumentDossier(Document):
    """Running header per part; page numbers continuous from the first part (the cover
    and the table of contents are not counted), annexes numbered A-1, A-2…"""

    def __init__(self, titre: str, *, estimation: bool = False):
        if estimation and _POLICES:
            # A page estimate is never output: it reuses the parsed fonts (parsing DejaVu
            # costs about 0.1 s per document, the layout of a part less than that).
            FPDF.__init__(self, format="A4")
            self.fonts.update(_POLICES)
            self.structure, self.titre_doc, self.confidentiel, self.entete = None, titre, False, ""
            self.set_auto_page_break(True, margin=18)
            self.set_margins(18, 16, 18)
        else:
            super().__init__(titre, confidentiel=False, entete="", nouvelle_page=False)
            if estimation:
                _POLICES.update(self.fonts)
        self._largeurs: dict = {}
        self.decalage = 0          # pages before the first part
        self.debut_annexes = None  # first page of the annexes
        self.courant = ""          # running header

    def header(self):
        if not self.courant:
            return
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*GRIS)
        self.cell(0, 5, self.courant, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*BLEU)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(3)
        self.set_text_color(0, 0, 0)

    def paragraphe(self, texte: str, taille: float = 10, hauteur: float = 5.2):
        """A left-aligned paragraph, wrapped word by word with the font's own metrics.

        fpdf2's multi_cell re-measures the whole line for every character it adds, which
        costs seconds on a 40-page dossier; measuring each word once gives the same lines
        (greedy wrapping, same widths) in linear time."""
        self.set_font("DejaVu", "", taille)
        largeur = self.w - self.l_margin - self.r_margin - 2 * self.c_margin
        for ligne in self.lignes((texte or "").strip() or "—", largeur):
            if self.y + hauteur > self.page_break_trigger:
                self.add_page()
            if ligne:
                self.text(self.l_margin + self.c_margin, self.y + hauteur * 0.72, ligne)
            self.set_xy(self.l_margin, self.y + hauteur)

    def tableau(self, entetes, lignes, largeurs=(), taille: float = 8.5, hauteur: float = 4.4) -> None:
        """A bordered table, cells wrapped word by word; the heading row is repeated on
        each new page and a row is never split across two pages."""
        total = self.w - self.l_margin - self.r_margin
        relatives = largeurs or tuple(1 for _ in entetes)
        colonnes = [total * r / sum(relatives) for r in relatives]
        marge = 1.2

        def rangee(cellules, gras: bool) -> None:
            self.set_font("DejaVu", "B" if gras else "", taille)
            texte = [self.lignes(str(c or "—"), w - 2 * marge) for c, w in zip(cellules, colonnes, strict=True)]
            h = max(len(t) for t in texte) * hauteur + 2 * marge
            if self.y + h > self.page_break_trigger and not gras:
                self.add_page()
                rangee(entetes, True)
                self.set_font("DejaVu", "", taille)
            x, y = self.l_margin, self.y
            for lignes_cellule, w in zip(texte, colonnes, strict=True):
                self.rect(x, y, w, h, style="DF" if gras else "D")
                for i, ligne in enumerate(lignes_cellule):
                    if ligne:
                        self.text(x + marge, y + marge + hauteur * (i + 0.75), ligne)
                x += w
            self.set_xy(self.l_margin, y + h)

        self.set_draw_color(150, 160, 175)
        self.set_fill_color(230, 236, 245)
        if self.y + self.hauteur_rangee(entetes, colonnes, taille, hauteur, marge, True) + (
                self.hauteur_rangee(lignes[0], colonnes, taille, hauteur, marge, False) if lignes else 0
        ) > self.page_break_trigger:
            self.add_page()   # the heading row never stays alone at the bottom of a page
        rangee(entetes, True)
        for ligne in lignes:
            rangee(ligne, False)
        self.ln(2)

    def hauteur_rangee(self, cellules, colonnes, taille: float, hauteur: float, marge: float, gras: bool) -> float:
        """The height a table row will take, measured with the same wrapping as the row itself."""
        self.set_font("DejaVu", "B" if gras else "", taille)
        return max(len(self.lignes(str(c or "—"), w - 2 * marge))
                   for c, w in zip(cellules, colonnes, strict=True)) * hauteur + 2 * marge

    def largeur_mot(self, mot: str) -> float:
        """The width of a word in the current font, from the font's advance widths
        (memoised per font: a dossier repeats its words)."""
        cle = (self.current_font.fontkey, mot)
        unites = self._largeurs.get(cle)
        if unites is None:
            try:
                cw = self.current_font.cw
                unites = sum(cw[ord(c)] for c in mot)
            except (IndexError, KeyError, TypeError):
                return self.get_string_width(mot)
            self._largeurs[cle] = unites
        return unites * self.font_size_pt * 0.001 / self.k

    def lignes(self, texte: str, largeur: float) -> list[str]:
        espace = self.largeur_mot(" ")
        lignes: list[str] = []
        for source in texte.split("\n"):
            courante, occupee = [], 0.0
            for mot in source.split():
                w = self.largeur_mot(mot)
                while w > largeur and len(mot) > 1:  # a word longer than the line: cut it
                    coupe = max(1, int(len(mot) * largeur / w) - 1)
                    if courante:
                        lignes.append(" ".join(courante))
                        courante, occupee = [], 0.0
                    lignes.append(mot[:coupe])
                    mot = mot[coupe:]
                    w = self.largeur_mot(mot)
                if courante and occupee + espace + w > largeur:
                    lignes.append(" ".join(courante))
                    courante, occupee = [], 0.0
                occupee += (espace if courante else 0) + w
                courante.append(mot)
            lignes.append(" ".join(courante))
        return lignes

    def titre(self, texte: str, taille: float = 15):
        """A title, left-aligned (fpdf2's multi_cell justifies by default, which spreads the
        words of a two-line title across the first line)."""
        self.set_font("DejaVu", "B", taille)
        self.multi_cell(0, 8, texte, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def intertitre(self, texte: str):
        """A heading, never alone at the bottom of a page (room kept for three lines after it)."""
        self.ln(2)
        if self.y + 26 > self.page_break_trigger:
            self.add_page()
        self.set_font("DejaVu", "B", 11)
        for ligne in self.lignes(texte, self.w - self.l_margin - self.r_margin - 2 * self.c_margin):
            self.cell(0, 6.5, ligne, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "", 10)

    def numero_affiche(self, page: int | None = None) -> str:
        page = page or self.page_no()
        if self.debut_annexes and page >= self.debut_annexes:
            return f"A-{page - self.debut_annexes + 1}"
        return str(page - self.decalage) if page > self.decalage else ""

    def footer(self):
        numero = self.numero_affiche()
        if not numero:
            return
        self.set_y(-13)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*GRIS)
        self.cell(0, 5, f"{self.titre_doc} — page {numero}", align="C")
        self.set_text_color(0, 0, 0)


def _tableau(doc: "DocumentDossier", tableau) -> None:
    doc.tableau(tableau.entetes, tableau.lignes, tableau.largeurs)


def _bloc(doc: Document, bloc: Bloc) -> None:
    doc.intertitre(bloc.titre)
    for paragraphe in bloc.paragraphes:
        if (paragraphe or "").strip():
            doc.paragraphe(paragraphe)
            doc.ln(1.5)
    if bloc.tableau is not None and bloc.tableau.lignes:
        _tableau(doc, bloc.tableau)


def _texte(doc: Document, texte: str) -> None:
    for paragraphe in (texte or "").split("\n\n"):
        if paragraphe.strip():
            doc.paragraphe(paragraphe.strip())
            doc.ln(1.5)


def poser_partie(doc: DocumentDossier, partie: PartieMiseEnPage, *, nouvelle_page: bool = True) -> None:
    """One part, from a new page: title, competences, introduction, blocks, transitions,
    analyse de pratique. `nouvelle_page=False`: the current page is already the part's
    (opened empty, with the part's running header)."""
    doc.courant = f"{doc.titre_doc} — {partie.titre}"
    if nouvelle_page:
        doc.add_page()
    doc.start_section(partie.titre)
    doc.titre(partie.titre, 14)
    doc.set_font("DejaVu", "", 9)
    doc.set_text_color(*GRIS)
    doc.multi_cell(0, 4.6, "Compétences : " + " ; ".join(partie.competences), new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(0, 0, 0)
    doc.ln(3)
    _texte(doc, partie.introduction)
    for bloc in partie.blocs:
        _bloc(doc, bloc)
    _texte(doc, partie.transitions)
    if partie.analyse:
        doc.intertitre("Analyse de ma pratique")
        for titre, texte in partie.analyse:
            if (texte or "").strip():
                doc.set_font("DejaVu", "B", 10)
                doc.cell(0, 6, titre, new_x="LMARGIN", new_y="NEXT")
                _texte(doc, texte)


def pages_de_la_partie(partie: PartieMiseEnPage, titre: str = "Dossier du titre CIP") -> int:
    """The real page count of one part, laid out alone exactly as in the dossier."""
    doc = DocumentDossier(titre, estimation=True)
    poser_partie(doc, partie)
    return doc.page_no()


def _sommaire(doc: DocumentDossier, sections) -> None:
    doc.set_xy(doc.l_margin, doc.t_margin + 8)
    doc.set_font("DejaVu", "B", 15)
    doc.cell(0, 10, "Sommaire", new_x="LMARGIN", new_y="NEXT")
    doc.ln(4)
    largeur = doc.w - doc.l_margin - doc.r_margin - 18
    for section in sections:
        doc.set_font("DejaVu", "B" if section.name.endswith("partie") or "partie —" in section.name else "", 10.5)
        lignes = doc.lignes(section.name, largeur - 4)
        for i, ligne in enumerate(lignes):
            doc.set_x(doc.l_margin)
            doc.cell(largeur, 6, ligne, link=doc.add_link(page=section.page_number))
            doc.cell(18, 6, doc.numero_affiche(section.page_number) if i == len(lignes) - 1 else "", align="R",
                     new_x="LMARGIN", new_y="NEXT")
        doc.ln(1.5)


def dossier_pdf(couverture: Couverture, parties: list[PartieMiseEnPage],
                annexes: list[tuple[str, list[Bloc]]], *, titre_document: str = "Dossier du titre professionnel CIP",
                entete_couverture: str = "Dossier de présentation du titre professionnel"
                ) -> tuple[bytes, dict[int, int]]:
    """The jury's PDF and the page count of each part (annexes excluded); a CCP's production
    has its own document title and cover heading."""
    doc = DocumentDossier(titre_document)
    doc.decalage = 2   # the cover and the table of contents are not counted
    doc.add_page()
    doc.set_y(60)
    doc.set_font("DejaVu", "B", 20)
    doc.set_text_color(*BLEU)
    doc.multi_cell(0, 10, entete_couverture, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.set_font("DejaVu", "B", 16)
    doc.multi_cell(0, 9, couverture.titre, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(0, 0, 0)
    doc.set_font("DejaVu", "", 11)
    doc.multi_cell(0, 7, couverture.code, align="C", new_x="LMARGIN", new_y="NEXT")
    doc.ln(20)
    doc.champs([("Candidat·e", couverture.candidat), ("Structure d'exercice", couverture.structure),
                ("Voie d'accès", couverture.voie), ("Session", couverture.session)], largeur_libelle=50)
    doc.ln(10)
    doc.mention("Les personnes accompagnées sont désignées par des alias ; âges, dates, lieux et employeurs "
                "sont généralisés afin qu'aucune ne puisse être identifiée.")
    doc.add_page()
    # fpdf2 breaks the page after reserving the table of contents: that new, empty page is the
    # first part's (it used to stay blank, numbered « page 1 », before the first part).
    if parties:
        doc.courant = f"{doc.titre_doc} — {parties[0].titre}"
    doc.insert_toc_placeholder(_sommaire, pages=1)
    pages = {}
    for i, partie in enumerate(parties):
        debut = doc.page_no() + (0 if i == 0 else 1)
        poser_partie(doc, partie, nouvelle_page=i > 0)
        pages[partie.numero] = doc.page_no() - debut + 1
    for i, (titre, blocs) in enumerate(annexes, start=1):
        doc.courant = f"{doc.titre_doc} — Annexes"
        doc.add_page()
        if doc.debut_annexes is None:
            doc.debut_annexes = doc.page_no()
        doc.start_section(f"Annexe {i} — {titre}")
        doc.titre(f"Annexe {i} — {titre}", 13)
        for bloc in blocs:
            _bloc(doc, bloc)
    return doc.en_octets(), pages


def date_de_session(d) -> str:
    return jour(d) if d else "à fixer"
