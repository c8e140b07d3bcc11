"""Use cases of the interactions timeline (REAC CP12). Flush, never commit."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.interactions import rules
from cipdesk.employeurs.interactions.models import Interaction


def enregistrer_interaction(session: Session, entreprise: Entreprise, *, par, donnees: dict,
                            aujourd_hui: date, personne=None) -> Interaction:
    """An exchange with the employer, with who, when, what was said and the next action."""
    if donnees["le"] > aujourd_hui:
        raise ErreurMetier("Un échange se note quand il a eu lieu : la date ne peut pas être dans le futur.", "le")
    for champ, message in rules.verifier_prochaine_action(donnees.get("prochaine_action", ""),
                                                          donnees.get("echeance"), donnees["le"]).items():
        raise ErreurMetier(message, champ)
    contact = donnees.pop("contact", None)
    if contact is not None and contact.entreprise_id != entreprise.id:
        raise ErreurMetier("Choisissez un contact de cette entreprise.", "contact_id")
    donnees["nature"] = rules.NatureInteraction(donnees["nature"])
    interaction = Interaction(structure_id=entreprise.structure_id, entreprise=entreprise, conseiller_id=par.id,
                              contact=contact, personne_id=personne.id if personne else None, **donnees)
    session.add(interaction)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="interaction_entreprise",
                                      objet_id=interaction.id, le=interaction.le)
    return interaction


def marquer_faite(session: Session, interaction: Interaction, *, par, le: date, aujourd_hui: date) -> Interaction:
    if not interaction.prochaine_action:
        raise ErreurMetier("Cet échange n'a pas de prochaine action.")
    if interaction.action_faite_le is not None:
        raise ErreurMetier("Cette action est déjà notée comme faite.")
    if le > aujourd_hui or le < interaction.le:
        raise ErreurMetier("La date de réalisation est entre la date de l'échange et aujourd'hui.", "le")
    interaction.action_faite_le = le
    session.flush()
    return interaction
