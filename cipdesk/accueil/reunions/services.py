"""Use cases of the réunion d'information collective. Flush, never commit."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil.rules import erreur_date_passee
from cipdesk.accueil.reunions.models import CONTENUS_REUNION, ParticipantReunion, ResultatReunion, ReunionInformation
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def _date_passee(le, aujourd_hui, champ, quoi):
    message = erreur_date_passee(le, aujourd_hui, quoi=quoi)
    if message:
        raise ErreurMetier(message, champ)


# -- réunion d'information collective --------------------------------------------------
def creer_reunion(session: Session, *, par, le: date, lieu: str, animateurs: str, contenus: list[str],
                  contenus_precisions: str, aujourd_hui: date) -> ReunionInformation:
    policy.exiger(policy.peut(par, "reunions.modifier"))
    _date_passee(le, aujourd_hui, "date_reunion", "La date de la réunion")
    if not lieu.strip():
        raise ErreurMetier("Indiquez le lieu de la réunion.", "lieu")
    if any(c not in CONTENUS_REUNION for c in contenus):
        raise ErreurMetier("Contenu inconnu.", "contenus")
    reunion = ReunionInformation(id=uuid.uuid4(), structure_id=par.structure_id, date_reunion=le,
                                 lieu=lieu.strip()[:200], animateurs=animateurs.strip()[:300] or par.nom_complet,
                                 contenus=list(contenus), contenus_precisions=contenus_precisions.strip(),
                                 organisateur_id=par.id)
    session.add(reunion)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="reunion_information", objet_id=reunion.id)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="reunion_information", objet_id=reunion.id,
                                      le=le)
    return reunion


def ajouter_participant(session: Session, *, par, reunion: ReunionInformation, personne: Personne,
                        resultat: str, commentaire: str) -> ParticipantReunion:
    policy.exiger(policy.peut(par, "reunions.modifier"))
    if personne.structure_id != reunion.structure_id:
        raise ErreurMetier("Personne introuvable.", "personne")
    if any(p.personne_id == personne.id for p in reunion.participants):
        raise ErreurMetier(f"{personne.nom_complet} est déjà inscrit·e à cette réunion.", "personne")
    if resultat not in {r.value for r in ResultatReunion}:
        raise ErreurMetier("Résultat inconnu.", "resultat")
    participant = ParticipantReunion(structure_id=reunion.structure_id, personne_id=personne.id,
                                     resultat=ResultatReunion(resultat), commentaire=commentaire.strip()[:500])
    reunion.participants.append(participant)
    if resultat != ResultatReunion.ABSENT:
        signaux.contact_realise.send(session, personne=personne, le=reunion.date_reunion)
    if resultat == ResultatReunion.ENTREE and personne.statut == StatutPersonne.ACCUEILLIE:
        personne.statut = StatutPersonne.ACCOMPAGNEE
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="reunion_information",
                objet_id=reunion.id, details={"participant": str(personne.id)})
    return participant
