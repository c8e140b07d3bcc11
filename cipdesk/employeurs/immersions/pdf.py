"""The PMSMP convention as a PDF to sign (the one document base)."""
from __future__ import annotations

from cipdesk.documents.base import Document, jour
from cipdesk.employeurs.entreprises.rules import formater_siret


def convention_en_pdf(immersion, structure) -> bytes:
    pdf = Document("Convention de PMSMP", structure=structure)
    pdf.titre("Convention de période de mise en situation en milieu professionnel (PMSMP)")
    pdf.mention("Code du travail, art. L5135-1 et suivants. Un exemplaire signé par chaque partie.")
    p, e, t = immersion.personne, immersion.entreprise, immersion.tuteur
    pdf.intertitre("Les parties")
    pdf.champs([
        ("Prescripteur", immersion.prescripteur),
        ("Bénéficiaire", f"{p.prenom} {p.nom}"),
        ("Structure d'accueil", e.nom),
        ("SIRET", formater_siret(e.siret) or f"SIREN {e.siren}"),
        ("Adresse", f"{e.adresse} {e.code_postal} {e.commune}".strip() or "—"),
        ("Tuteur·rice", f"{t.nom_complet} ({t.fonction or t.role.libelle})"),
        ("Structure d'accompagnement", f"{structure.nom} — suivi par {immersion.conseiller.nom_complet}"),
    ])
    pdf.intertitre("L'immersion")
    pdf.champs([
        ("Objectif", immersion.objectif.libelle),
        ("Dates", f"du {jour(immersion.debut)} au {jour(immersion.fin)}"),
        ("Horaires journaliers", immersion.horaires),
        ("Lieu", immersion.lieu),
    ])
    pdf.rubrique("Activités et tâches confiées", immersion.taches)
    pdf.rubrique("Modalités d'évaluation", immersion.modalites_evaluation)
    pdf.mention("Le ou la bénéficiaire conserve son statut et sa rémunération ou son indemnisation ; il ou elle "
                "n'est pas salarié·e de la structure d'accueil pendant l'immersion.")
    pdf.signatures("Le ou la bénéficiaire", "La structure d'accueil")
    pdf.signatures("Le prescripteur", "La structure d'accompagnement")
    return pdf.en_octets()
