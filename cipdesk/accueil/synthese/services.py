"""Use cases of the synthèse d'entretien. Flush, never commit."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil.rules import erreur_date_passee
from cipdesk.accueil.synthese.models import ModePartage, Synthese
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def _date_passee(le, aujourd_hui, champ, quoi):
    message = erreur_date_passee(le, aujourd_hui, quoi=quoi)
    if message:
        raise ErreurMetier(message, champ)


# -- synthèse -----------------------------------------------------------------------
def ecrire_synthese(session: Session, *, par, personne: Personne, date_entretien: date, objet: str,
                    faits: str, paroles_personne: str, analyse: str, suites: str,
                    analyse_partagee: bool, aujourd_hui: date) -> Synthese:
    """Facts apart from opinions (RC §3.2 CP5); the analysis goes into the document
    given to the person only if they agreed to it."""
    policy.exiger(policy.est_conseiller(par))
    _date_passee(date_entretien, aujourd_hui, "date_entretien", "La date de l'entretien")
    if not objet.strip():
        raise ErreurMetier("Indiquez l'objet de l'entretien.", "objet")
    if not faits.strip():
        raise ErreurMetier("Notez les faits : ce qui a été dit et constaté, sans interprétation.", "faits")
    synthese = Synthese(id=uuid.uuid4(), structure_id=personne.structure_id, personne_id=personne.id,
                        conseiller_id=par.id, date_entretien=date_entretien, objet=objet.strip()[:200],
                        faits=faits.strip(), paroles_personne=paroles_personne.strip(),
                        analyse=analyse.strip(), suites=suites.strip(), analyse_partagee=analyse_partagee)
    session.add(synthese)
    signaux.contact_realise.send(session, personne=personne, le=date_entretien)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="synthese", objet_id=synthese.id)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="synthese", objet_id=synthese.id,
                                      le=date_entretien)
    return synthese


def enregistrer_partage(session: Session, *, par, synthese: Synthese, le: date | None, mode: str,
                        aujourd_hui: date) -> Synthese:
    policy.exiger(policy.est_conseiller(par))
    _date_passee(le, aujourd_hui, "le", "La date du partage")
    if le < synthese.date_entretien:
        raise ErreurMetier("Le partage ne peut pas précéder l'entretien.", "le")
    if mode not in {m.value for m in ModePartage}:
        raise ErreurMetier("Indiquez comment la synthèse a été remise.", "mode")
    synthese.partagee_le, synthese.partage_mode = le, ModePartage(mode)
    session.flush()
    journaliser(session, acteur=par, action=Action.PARTAGE, objet_type="synthese", objet_id=synthese.id,
                details={"mode": mode})
    return synthese
