"""The fiche de liaison for the partner (documents base): nothing the person
did not agree to share."""
from __future__ import annotations

from cipdesk.core.telephone import telephone_affiche
from cipdesk.documents.base import Document, jour as _jour


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
