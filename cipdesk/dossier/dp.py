"""The Dossier Professionnel (DP): the ministry's form (2016 model, DOMAIN.md), pre-filled
from the parts of the dossier: for each activité type, the examples of practice drawn from
the chosen cases, under the official headings, each kept within three pages; cover, table
of contents, titles and diplomas, sworn statement, list of illustrative documents."""
from __future__ import annotations

from dataclasses import dataclass, field

from cipdesk.documents.base import BLEU
from cipdesk.dossier.pdf import DocumentDossier, TITRES

# Which parts give an example of which activité type (REAC: AT1 = CP1–CP5, AT2 = CP6–CP11, AT3 = CP12–CP15).
ACTIVITES_DES_PARTIES = {1: (1,), 2: (2, 3, 4), 3: (5, 6, 7)}
RUBRIQUES = (
    ("taches", "Décrivez les tâches ou opérations que vous avez effectuées, et dans quelles conditions"),
    ("moyens", "Précisez les moyens utilisés"),
    ("avec_qui", "Avec qui avez-vous travaillé ?"),
    ("contexte", "Contexte"),
    ("complements", "Informations complémentaires (facultatif)"),
)
PAGES_MAX_EXEMPLE = 3
# Rules whose blocks describe the means, and those that describe the people worked with.
_MOYENS = {"P2.6", "P4.3", "P5.4", "P6.2"}
_AVEC_QUI = {"P1.3", "P3.6", "P6.2", "P7.2"}


@dataclass
class Exemple:
    activite: int
    titre: str
    rubriques: dict[str, list[str]] = field(default_factory=dict)


def exemples(parties, structure: str, service: str) -> list[Exemple]:
    """One example per part that has a case (part 1: the partnership work), at most three
    per activité type (DP: « un à trois exemples »)."""
    resultat = []
    for activite, numeros in ACTIVITES_DES_PARTIES.items():
        for partie in [p for p in parties if p.numero in numeros][:3]:
            propre = partie.propre  # pseudonymised, as in the dossier's export
            blocs = propre.blocs
            if not blocs and not propre.introduction:
                continue
            taches = [propre.introduction] + [p for b in blocs if not (set(b.regles) & _MOYENS)
                                                                 for p in b.paragraphes[:2]]
            moyens = [p for b in blocs if set(b.regles) & _MOYENS for p in b.paragraphes]
            avec_qui = [p for b in blocs if set(b.regles) & _AVEC_QUI for p in b.paragraphes]
            periode = sorted(p.libelle for cle in ("contexte", "action_prospection", "atelier_anime",
                                                   "appui_recrutement", "integration")
                             for p in partie.assemblage.faits.get(cle, []))
            resultat.append(Exemple(activite, TITRES[partie.numero], {
                "taches": [t for t in taches if (t or "").strip()],
                "moyens": moyens or ["—"],
                "avec_qui": avec_qui or ["—"],
                "contexte": [f"Structure : {structure}.", f"Service : {service}." if service else "",
                             "Période : " + ("; ".join(periode) if periode else "à préciser") + "."],
                "complements": [propre.transitions],
            }))
    return resultat


def _exemple(doc: DocumentDossier, n: int, exemple: Exemple, rubriques: dict[str, list[str]], *,
             nouvelle_page: bool = True) -> None:
    doc.courant = f"Dossier professionnel — activité type {exemple.activite}"
    if nouvelle_page:
        doc.add_page()
    doc.start_section(f"Exemple n° {n} — {exemple.titre}", level=1)
    doc.titre(f"Exemple n° {n} — {exemple.titre}", 13)
    for cle, libelle in RUBRIQUES:
        doc.set_font("DejaVu", "B", 10.5)
        doc.set_fill_color(235, 240, 247)
        doc.multi_cell(0, 6.5, libelle, fill=True, new_x="LMARGIN", new_y="NEXT")
        for texte in rubriques.get(cle, []):
            if (texte or "").strip():
                doc.paragraphe(texte)
                doc.ln(1)
        doc.ln(2)


def _dans_trois_pages(exemple: Exemple) -> dict[str, list[str]]:
    """The example's headings, the longest trimmed paragraph by paragraph until the example
    fits in three pages (laid out, not guessed); what is cut is said."""
    rubriques = {k: list(v) for k, v in exemple.rubriques.items()}
    coupe = False
    while True:
        essai = DocumentDossier("Dossier professionnel", estimation=True)
        _exemple(essai, 1, exemple, rubriques)
        if essai.page_no() <= PAGES_MAX_EXEMPLE:
            break
        cle = max(("taches", "moyens", "avec_qui"), key=lambda k: len(rubriques[k]))
        if len(rubriques[cle]) <= 1:
            break
        rubriques[cle].pop()
        coupe = True
    if coupe:
        rubriques["complements"] = rubriques["complements"] + [
            "Exemple raccourci à trois pages ; le dossier du titre le développe."]
    return rubriques


def dp_pdf(*, candidat: str, titre: str, voie: str, exemples_: list[Exemple]) -> bytes:
    doc = DocumentDossier("Dossier professionnel")
    doc.decalage = 2
    doc.add_page()
    doc.set_y(50)
    doc.set_font("DejaVu", "B", 20)
    doc.set_text_color(*BLEU)
    doc.multi_cell(0, 10, "Dossier professionnel (DP)", align="C", new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(0, 0, 0)
    doc.ln(10)
    doc.champs([("Nom de naissance", candidat), ("Nom d'usage", "à compléter"), ("Prénom", "à compléter"),
                ("Adresse", "à compléter"), ("Titre professionnel visé", titre), ("Modalité d'accès", voie)],
               largeur_libelle=55)
    doc.ln(6)
    doc.mention("Le dossier professionnel est un document de présentation de votre pratique : il est rempli par "
                "vos soins et remis au jury. Les personnes citées sont désignées par des alias.")
    doc.add_page()
    # The page break after the reserved table of contents opens the first example's page
    # (it used to stay blank before it).
    doc.courant = (f"Dossier professionnel — activité type {exemples_[0].activite}" if exemples_
                   else "Dossier professionnel")
    doc.insert_toc_placeholder(_sommaire_dp, pages=1)
    activite_courante = None
    for n, exemple in enumerate(exemples_, start=1):
        if exemple.activite != activite_courante:
            activite_courante = exemple.activite
            doc.start_section(f"Activité type {exemple.activite}", level=0)
        _exemple(doc, n, exemple, _dans_trois_pages(exemple), nouvelle_page=n > 1)
    doc.courant = "Dossier professionnel"
    if exemples_:
        doc.add_page()
    doc.start_section("Titres, diplômes, CQP, attestations de formation")
    doc.titre("Titres, diplômes, CQP, attestations de formation", 13)
    doc.tableau(("Intitulé", "Autorité ou organisme", "Date"), (("à compléter", "", ""),) * 4, (50, 35, 15))
    doc.start_section("Déclaration sur l'honneur")
    doc.titre("Déclaration sur l'honneur", 13)
    doc.paragraphe(f"Je soussigné·e {candidat}, déclare sur l'honneur que les renseignements fournis dans ce "
                   "dossier sont exacts et que je suis l'auteur·e des réalisations jointes.")
    doc.ln(4)
    doc.paragraphe("Fait à …………………………, le …………………………   Signature :")
    doc.ln(6)
    doc.start_section("Documents illustrant la pratique professionnelle et annexes")
    doc.titre("Documents illustrant la pratique professionnelle (facultatif) et annexes", 13)
    doc.paragraphe("Aucun document joint pour l'instant.")
    return doc.en_octets()


def _sommaire_dp(doc: DocumentDossier, sections) -> None:
    doc.set_xy(doc.l_margin, doc.t_margin + 8)
    doc.set_font("DejaVu", "B", 15)
    doc.cell(0, 10, "Sommaire", new_x="LMARGIN", new_y="NEXT")
    doc.ln(3)
    largeur = doc.w - doc.l_margin - doc.r_margin - 18
    for section in sections:
        doc.set_font("DejaVu", "B" if section.level == 0 else "", 10.5)
        retrait = 6 * section.level
        for i, ligne in enumerate(doc.lignes(section.name, largeur - retrait - 4)):
            doc.set_x(doc.l_margin + retrait)
            doc.cell(largeur - retrait, 6, ligne)
            doc.cell(18, 6, doc.numero_affiche(section.page_number) if i == 0 else "", align="R",
                     new_x="LMARGIN", new_y="NEXT")
