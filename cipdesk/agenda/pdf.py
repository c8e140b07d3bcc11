"""The printable convocation letter (documents.base): what, when, where, what to bring,
whom to call. The same words as the e-mail (services.contenu_lettre)."""
from __future__ import annotations

from datetime import date

from cipdesk.agenda import rules
from cipdesk.documents.base import Document, jour


def convocation(*, c: dict, structure, adresse_personne: str, edite_le: date) -> bytes:
    doc = Document("Convocation à un rendez-vous", structure=structure)
    if adresse_personne:
        doc.paragraphe(f"{c['prenom']} {c['nom']}\n{adresse_personne}")
        doc.ln(4)
    doc.titre(f"Convocation — {c['nature_libelle'].lower()}")
    doc.paragraphe(f"Bonjour {c['prenom']} {c['nom']},\n\nVous êtes convoqué·e à un rendez-vous avec "
                   f"{c['conseiller']}, {c['structure']}.")
    doc.ln(3)
    doc.champs([("Date", rules.date_longue(c["le"])),
                ("Heure", f"{rules.heure_fr(c['heure'])} (durée prévue : {c['duree']} minutes)"),
                ("Lieu", c["ou_"]),
                ("Avec", c["conseiller"])], 35)
    if (c.get("a_apporter") or "").strip():
        doc.intertitre("À apporter")
        doc.paragraphe(c["a_apporter"].strip())
    doc.intertitre("En cas d'empêchement")
    doc.paragraphe(f"Prévenez-nous le plus tôt possible : {c['contact']}. Un nouveau rendez-vous vous sera proposé.")
    doc.mention(f"Édité le {jour(edite_le)}.")
    return doc.en_octets()
