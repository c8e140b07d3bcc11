"""Printable documents handed over: the synthèse d'entretien (for the person) and
the fiche de liaison (for the partner). fpdf2 with the embedded DejaVu font;
never a confidential note, nothing the person did not agree to share."""
from __future__ import annotations

from cipdesk.accueil.services import telephone_affiche
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


def fiche_liaison(o, personne, structure) -> bytes:
    doc = Document("Fiche de liaison", structure=structure)
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
    return doc.en_octets()
