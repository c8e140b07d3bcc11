"""The scénario pédagogique as a table (REAC CP10 : « Rédiger un scénario pédagogique détaillé »)."""
from __future__ import annotations

from cipdesk.ateliers.conception.rules import duree_texte
from cipdesk.documents.base import Document


def scenario_pedagogique(*, atelier, structure) -> bytes:
    doc = Document("Scénario pédagogique", structure=structure, confidentiel=False)
    doc.titre(f"Scénario pédagogique — {atelier.titre}")
    doc.champs([("Objectif général", atelier.objectif_general or "—"),
                ("Public et prérequis", atelier.public_prerequis or "—"),
                ("Durée", f"{duree_texte(atelier.duree_minutes)} ({atelier.rythme or 'rythme à préciser'})"),
                ("Format", f"{atelier.format.libelle}{' — ' + atelier.lieu if atelier.lieu else ''}"),
                ("Places", f"de {atelier.places_min} à {atelier.places_max}")], largeur_libelle=40)
    doc.intertitre("Objectifs pédagogiques opérationnels")
    for o in atelier.objectifs:
        doc.paragraphe(f"{o.ordre}. Être capable de {o.capacite}"
                       + (f" — conditions : {o.conditions}" if o.conditions else "")
                       + (f" — critère : {o.critere}" if o.critere else "")
                       + f" — évaluation : {o.modalite_evaluation or '—'}")
    doc.intertitre(f"Progression ({duree_texte(atelier.duree_progression)})")
    largeurs = (8, 40, 15, 30, 30, 51)
    doc.set_font("DejaVu", "B", 8)
    doc.set_fill_color(230, 236, 245)
    for texte, largeur in zip(("N°", "Séquence", "Durée", "Méthode", "Modalité", "Activités / alternative"), largeurs,
                              strict=True):
        doc.cell(largeur, 7, texte, border=1, fill=True)
    doc.ln()
    doc.set_font("DejaVu", "", 8)
    for n, s in enumerate(atelier.sequences, start=1):
        details = " — ".join(x for x in (s.activites, f"Alternative : {s.scenario_alternatif}"
                                       if s.scenario_alternatif else "") if x) or "—"
        valeurs = (str(n), s.titre, duree_texte(s.duree_minutes), s.methode.libelle,
                   f"{s.modalite.libelle}, {s.format.libelle.lower()}", details)
        hauteur = 5 * max(len(doc.multi_cell(l, 5, v, dry_run=True, output="LINES", align="L"))
                          for v, l in zip(valeurs, largeurs, strict=True))
        if doc.get_y() + hauteur > doc.h - 20:
            doc.add_page()
        y, x = doc.get_y(), doc.l_margin
        for v, l in zip(valeurs, largeurs, strict=True):
            doc.set_xy(x, y)
            doc.multi_cell(l, 5, v, border=0, align="L")
            doc.rect(x, y, l, hauteur)
            x += l
        doc.set_xy(doc.l_margin, y + hauteur)
    return doc.en_octets()
