"""The bilan of an intégration. Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.integration.bilan.rules import CATEGORIES, motif_de_sortie


def faire_le_bilan(session: Session, suivi, *, par, donnees: dict, issue: str, aujourd_hui: date):
    """REAC CP14 « Le bilan de l'intégration du salarié est réalisé »; the exit category
    proposed by the follow-ups is confirmed (or corrected) by the conseiller."""
    if suivi.statut.value != "en_cours":
        raise ErreurMetier("Le bilan de cette intégration est déjà fait.")
    if donnees["bilan_le"] < suivi.debut or donnees["bilan_le"] > aujourd_hui:
        raise ErreurMetier("Le bilan se date entre le début du contrat et aujourd'hui.", "bilan_le")
    if donnees["categorie_sortie"] not in CATEGORIES:
        raise ErreurMetier("Choisissez une catégorie de la liste.", "categorie_sortie")
    if issue not in ("termine", "rompu"):
        raise ErreurMetier("Dites comment l'intégration s'est terminée.", "issue")
    for champ, valeur in donnees.items():
        setattr(suivi, champ, valeur)
    suivi.statut = type(suivi.statut)(issue)
    session.flush()
    motif = motif_de_sortie(suivi.categorie_sortie, suivi.type_contrat.value)
    if motif is not None:
        # Issue #14 point 6: the confirmed category is the parcours's exit (parcours module, by signal).
        signaux.sortie_confirmee.send(
            session, personne=suivi.personne, par=par, motif=motif, le=suivi.bilan_le, aujourd_hui=aujourd_hui,
            libelle=f"Sortie confirmée au bilan de l'intégration chez {suivi.employeur} "
                    f"({suivi.intitule_poste}, {suivi.type_contrat.libelle}) le {suivi.bilan_le:%d/%m/%Y}.")
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="bilan_integration", objet_id=suivi.id,
                                      le=suivi.bilan_le)
    return suivi
