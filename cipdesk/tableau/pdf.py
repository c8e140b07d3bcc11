"""The funders' report as a PDF, through the one document base: FSE+ participant data at
entry by sex, exits in the PLIE and IAE categories. Figures only: no participant's name."""
from __future__ import annotations

from cipdesk.documents.base import Document, jour
from cipdesk.tableau.fse import SEXES


def _ajuste(doc: Document, texte: str, largeur: float) -> str:
    """The text cut with « … » so that it fits in its cell (2 mm of padding)."""
    texte = str(texte)
    if doc.get_string_width(texte) <= largeur - 2:
        return texte
    while texte and doc.get_string_width(texte + "…") > largeur - 2:
        texte = texte[:-1]
    return texte.rstrip() + "…"


def _tableau(doc: Document, entetes, lignes, largeurs):
    doc.set_font("DejaVu", "B", 8.5)
    doc.set_fill_color(230, 236, 245)
    for texte, largeur in zip(entetes, largeurs, strict=True):
        doc.cell(largeur, 7, texte, border=1, fill=True)
    doc.ln()
    doc.set_font("DejaVu", "", 8.5)
    for ligne in lignes:
        for i, (texte, largeur) in enumerate(zip(ligne, largeurs, strict=True)):
            doc.cell(largeur, 6.5, _ajuste(doc, texte, largeur), border=1, align="L" if i == 0 else "R")
        doc.ln()
    doc.ln(3)


def bilan_financeurs(*, structure, filtres, libelles_filtres, fse, incomplets: int, plie, iae) -> bytes:
    doc = Document("Bilan pour les financeurs", structure=structure, confidentiel=False)
    doc.titre("Bilan pour les financeurs")
    doc.champs([("Période", f"du {jour(filtres.debut)} au {jour(filtres.fin)}")] + libelles_filtres,
               largeur_libelle=40)
    doc.intertitre("Participants à l'entrée (FSE+, règlement (UE) 2021/1057, annexe I)")
    largeurs = (94, 20, 20, 20, 20)
    sections = []
    for ligne in fse:
        if not sections or sections[-1][0] != ligne.section:
            sections.append((ligne.section, []))
        sections[-1][1].append(ligne)
    for section, lignes in sections:
        doc.set_font("DejaVu", "B", 9)
        doc.cell(0, 6, section, new_x="LMARGIN", new_y="NEXT")
        _tableau(doc, ("Indicateur", "Femmes", "Hommes", "Non rens.", "Total"),
                 [(l.libelle, *[l.par_sexe.get(s, 0) for s, _l in SEXES], l.total) for l in lignes], largeurs)
    doc.mention(f"Contrôle de complétude : {incomplets} participant(s) dont les données à l'entrée sont "
                "incomplètes (liste nominative dans cipdesk, à compléter avant la sortie). La situation sur le marché "
                "du travail à l'entrée n'est recueillie dans cipdesk que pour les demandeurs d'emploi de longue durée.")
    doc.ln(3)
    doc.intertitre("Sorties de la période — catégories du PLIE")
    _tableau(doc, ("Catégorie", "Sorties"), [(l, n) for _c, l, n in plie], (154, 20))
    doc.mention("Correspondance établie à partir du motif de sortie enregistré : la durée de 6 mois d'emploi "
                "continu et la validation de la qualification sont à confirmer auprès du PLIE.")
    doc.ln(3)
    doc.intertitre("Sorties de la période — catégories IAE (regroupement DGEFP)")
    _tableau(doc, ("Catégorie", "Sorties"), [(l.libelle, l.nombre) for l in iae.lignes] +
             [(g.libelle, g.nombre) for g in iae.groupes], (154, 20))
    return doc.en_octets()
