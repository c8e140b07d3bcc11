"""Queries of the entretiens de suivi: their timeline provider."""
from __future__ import annotations

from sqlalchemy import select

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.personnes.queries import dechiffrer


def _entretiens(personne_id, lecteur_id):  # noqa: ARG001
    return select(Entretien.id.label("objet_id"), Entretien.structure_id.label("structure_id"),
                  Entretien.le.label("le"), Entretien.created_at.label("saisi"),
                  Entretien.type_entretien.label("texte"), Entretien.mode.label("texte2"),
                  Entretien.objectif_chiffre.label("chiffre"), Utilisateur.prenom.label("texte3"),
                  Utilisateur.nom.label("texte4")) \
        .join(Parcours, Parcours.id == Entretien.parcours_id) \
        .outerjoin(Utilisateur, Utilisateur.id == Entretien.conseiller_id).where(Parcours.personne_id == personne_id)


def _lire_entretiens(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(e.le, e.saisi, "entretien_projet" if e.texte == TypeEntretien.PROJET.value else "entretien",
                      f"Entretien ({TypeEntretien(e.texte).libelle.lower()}, {ModeEntretien(e.texte2).libelle.lower()})",
                      f"{dechiffrer(session, 'entretien', 'objectif', e.structure_id, e.objet_id, e.chiffre)}"
                      f" — par {e.texte3} {e.texte4}", "parcours.entretiens.voir", (("entretien_id", e.objet_id),))
            for e in lignes]


# Timeline source: the person's entretiens de suivi (a part of the person's one timeline statement).
# Only the objective shows; the confidential note stays on the entretien's page.
chronologie = SourceDeChronologie(_entretiens, _lire_entretiens)
