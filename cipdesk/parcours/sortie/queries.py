"""Queries of the exit: its timeline provider."""
from __future__ import annotations

from sqlalchemy import select

from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.sortie.models import Sortie
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE, CategorieSortie
from cipdesk.parcours.sortie.rules import MOIS_SUIVI, SORTIES_DYNAMIQUES  # noqa: F401  (read by the tableau de bord)
from cipdesk.personnes.queries import dechiffrer


def _sorties(personne_id, lecteur_id):  # noqa: ARG001
    return select(Sortie.id.label("autre_id"), Sortie.structure_id.label("structure_id"),
                  Sortie.sortie_le.label("le"), Sortie.created_at.label("saisi"), Sortie.categorie.label("texte"),
                  Sortie.motif.label("texte2"), Sortie.relais_vers_chiffre.label("chiffre"),
                  Sortie.parcours_id.label("objet_id")) \
        .join(Parcours, Parcours.id == Sortie.parcours_id).where(Parcours.personne_id == personne_id)


def _lire_sorties(lignes, session, lecteur) -> list[Evenement]:
    evenements = []
    for s in lignes:
        relais = dechiffrer(session, "sortie", "relais_vers", s.structure_id, s.autre_id, s.chiffre)
        evenements.append(Evenement(s.le, s.saisi, "bilan_parcours",
                                    f"Sortie du parcours : {CategorieSortie(s.texte).libelle.lower()}",
                                    MOTIFS_SORTIE.get(s.texte2, (s.texte2,))[0]
                                    + (f" — relais vers {relais}" if relais else ""),
                                    "parcours.contrat.voir", (("parcours_id", s.objet_id),)))
    return evenements


# Timeline source: the exits of the person's parcours (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_sorties, _lire_sorties)
