"""The framework agreed with the employer, on one page to hand to the employer and the person."""
from __future__ import annotations

from cipdesk.documents.base import Document, jour


def accord_en_pdf(suivi, structure) -> bytes:
    pdf = Document("Accord de collaboration", structure=structure)
    pdf.titre("Accompagnement dans l'emploi : cadre de collaboration")
    p = suivi.personne
    pdf.champs([
        ("Salarié·e", f"{p.prenom} {p.nom}"),
        ("Employeur", suivi.employeur + (f" — {suivi.lieu_travail}" if suivi.lieu_travail else "")),
        ("Poste", suivi.intitule_poste + (f" (ROME {suivi.rome_code})" if suivi.rome_code else "")),
        ("Contrat", f"{suivi.type_contrat.libelle}, depuis le {jour(suivi.debut)}"
                    + (f", période d'essai jusqu'au {jour(suivi.fin_periode_essai)}" if suivi.fin_periode_essai else "")),
        ("Accompagnement", f"{structure.nom} — {suivi.conseiller.nom_complet}"),
        ("Convenu le", jour(suivi.cadre_le) if suivi.cadre_le else "—"),
    ])
    pdf.rubrique("Interlocuteurs dans l'entreprise", suivi.interlocuteurs or "—")
    pdf.rubrique("Rôle de chacun et limites de l'intervention", suivi.engagements or "—")
    pdf.rubrique("Modalités de collaboration", suivi.modalites or "—")
    pdf.rubrique("Acteurs à mobiliser", suivi.acteurs or "—")
    if suivi.non_discrimination:
        pdf.rubrique("Non-discrimination dans l'emploi", suivi.non_discrimination)
    pdf.intertitre("Points de suivi prévus")
    pdf.champs([(pt.jalon.libelle, jour(pt.prevu_le)) for pt in suivi.points])
    pdf.signatures("Le ou la salarié·e", "L'employeur")
    return pdf.en_octets()
