"""Feuille d'émargement per half-day and attestation de présence, through the one
document base (REAC CP10 : « Anticiper l'organisation logistique »)."""
from __future__ import annotations

from datetime import date

from cipdesk.ateliers.conception.rules import duree_texte
from cipdesk.ateliers.presences.rules import minutes_suivies
from cipdesk.core.dates import heure_fr
from cipdesk.documents.base import Document, jour


def _horaires(demi) -> str:
    return f"{heure_fr(demi.debut)} – {heure_fr(demi.fin)}"


def feuille_emargement(*, demi, session_atelier, lignes, structure) -> bytes:
    """Title, date, hours, place, animateurs; one line per participant with a signature box;
    a box for each animateur. Participants the reader may not see are left for them to write."""
    atelier = session_atelier.atelier
    doc = Document("Feuille d'émargement", structure=structure)
    doc.titre(f"Feuille d'émargement — {atelier.titre}")
    doc.champs([("Date", f"{jour(demi.le)} ({demi.periode.libelle.lower()})"), ("Horaires", _horaires(demi)),
                ("Lieu", session_atelier.lieu or atelier.lieu or "—"),
                ("Animateur·rice", session_atelier.animateur.nom_complet),
                ("Co-animateurs", session_atelier.co_animateurs or "—")], largeur_libelle=40)
    largeurs = (10, 92, 72)
    doc.set_font("DejaVu", "B", 9)
    doc.set_fill_color(230, 236, 245)
    for texte, largeur in zip(("N°", "Participant·e", "Signature"), largeurs, strict=True):
        doc.cell(largeur, 7, texte, border=1, fill=True)
    doc.ln()
    doc.set_font("DejaVu", "", 10)
    for n, ligne in enumerate(lignes, start=1):
        nom = ligne.inscription.personne.nom_complet if ligne.visible else ""
        for texte, largeur in zip((str(n), nom, ""), largeurs, strict=True):
            doc.cell(largeur, 12, texte, border=1)
        doc.ln()
    doc.ln(4)
    animateurs = [session_atelier.animateur.nom_complet] + [
        a.strip() for a in (session_atelier.co_animateurs or "").replace(";", ",").split(",") if a.strip()]
    doc.intertitre("Signature des animateurs")
    for nom in animateurs:
        doc.cell(102, 14, nom[:60], border=1)
        doc.cell(72, 14, "", border=1)
        doc.ln()
    return doc.en_octets()


def attestation_presence(*, inscription, session_atelier, statuts, structure, le: date, objectifs=None) -> bytes:
    """`objectifs`: [(objectif, résultat or None)] to add the objectives reached (on request)."""
    atelier = session_atelier.atelier
    personne = inscription.personne
    lignes = [(statuts.get(d.id), d.duree_minutes) for d in session_atelier.demi_journees]
    doc = Document("Attestation de présence", structure=structure)
    doc.titre("Attestation de présence")
    doc.paragraphe(f"La structure {structure.nom} atteste que {personne.nom_complet} a participé à l'atelier "
                   f"« {atelier.titre} » pour une durée de {duree_texte(minutes_suivies(lignes))} sur "
                   f"{duree_texte(session_atelier.duree_minutes)} programmées.")
    doc.ln(2)
    doc.intertitre("Détail des demi-journées")
    for d in session_atelier.demi_journees:
        statut = statuts.get(d.id)
        doc.paragraphe(f"{jour(d.le)} ({d.periode.libelle.lower()}, {_horaires(d)}) : "
                       f"{statut.libelle.lower() if statut else 'non saisi'}")
    if objectifs:
        doc.intertitre("Objectifs pédagogiques")
        for o, resultat in objectifs:
            doc.paragraphe(f"{o.ordre}. Être capable de {o.capacite} : "
                           f"{resultat.libelle.lower() if resultat else 'non évalué'}")
    doc.ln(4)
    doc.paragraphe(f"Fait le {jour(le)}.")
    doc.signatures("Pour la structure", "Animateur·rice")
    return doc.en_octets()
