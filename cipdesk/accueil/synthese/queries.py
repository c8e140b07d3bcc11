"""Queries of the synthèse d'entretien: its part of the person's timeline (with its notes)."""
from __future__ import annotations

from sqlalchemy import select

from cipdesk.accueil.synthese.models import ModePartage, Synthese
from cipdesk.core.contrat import Evenement, SourceDeChronologie
from cipdesk.notes.queries import source_des_notes
from cipdesk.personnes.queries import dechiffrer


def _syntheses(personne_id, lecteur_id):  # noqa: ARG001
    return select(Synthese.id.label("objet_id"), Synthese.structure_id.label("structure_id"),
                  Synthese.date_entretien.label("le"), Synthese.created_at.label("saisi"),
                  Synthese.objet_chiffre.label("chiffre"), Synthese.partagee_le.label("le2"),
                  Synthese.partage_mode.label("texte")).where(Synthese.personne_id == personne_id)


def _lire_syntheses(lignes, session, lecteur) -> list[Evenement]:
    return [Evenement(s.le, s.saisi, "synthese",
                      f"Synthèse d'entretien : {dechiffrer(session, 'synthese', 'objet', s.structure_id, s.objet_id, s.chiffre)}",
                      f"Remise le {s.le2:%d/%m/%Y} ({ModePartage(s.texte).libelle.lower()})" if s.le2
                      else "Pas encore remise à la personne", "accueil.synthese.voir", (("synthese_id", s.objet_id),))
            for s in lignes]


# Synthèses, with whether they were handed to the person (a part of the person's one timeline statement).
chronologie = SourceDeChronologie(_syntheses, _lire_syntheses)

# Confidential notes attached to the person's synthèses that the reader may read (none for a role
# that never reads notes).
chronologie_notes = source_des_notes("synthese", lambda personne_id: select(Synthese.id).where(
    Synthese.personne_id == personne_id))
