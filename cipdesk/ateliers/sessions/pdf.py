"""The convocation of a participant to a session."""
from __future__ import annotations

from datetime import date

from cipdesk.core.dates import heure_fr
from cipdesk.documents.base import Document, jour


def convocation(*, inscription, session_atelier, structure, le: date) -> bytes:
    atelier, personne = session_atelier.atelier, inscription.personne
    doc = Document("Convocation à un atelier", structure=structure)
    doc.titre(f"Convocation — atelier « {atelier.titre} »")
    doc.paragraphe(f"{personne.nom_complet},\n\nVous êtes invité·e à participer à l'atelier « {atelier.titre} ». "
                   f"{atelier.objectif_general or ''}")
    doc.intertitre("Dates et horaires")
    for d in session_atelier.demi_journees:
        doc.paragraphe(f"{jour(d.le)} ({d.periode.libelle.lower()}) de {heure_fr(d.debut)} à {heure_fr(d.fin)}"
                       .replace(":", " h "))
    doc.champs([("Lieu", session_atelier.lieu or atelier.lieu or "—"),
                ("Animé par", session_atelier.animateur.nom_complet
                 + (f", {session_atelier.co_animateurs}" if session_atelier.co_animateurs else ""))], 35)
    doc.mention("En cas d'empêchement, merci de prévenir votre conseiller·ère le plus tôt possible : "
                f"votre place pourra être proposée à une autre personne. Édité le {jour(le)}.")
    return doc.en_octets()
