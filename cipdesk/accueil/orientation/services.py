"""Use cases of the orientation to a partner. Flush, never commit."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil.rules import erreur_date_passee
from cipdesk.accueil.orientation.models import Orientation, ReponsePartenaire
from cipdesk.territoire.partenaires.models import Partenaire
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def _date_passee(le, aujourd_hui, champ, quoi):
    message = erreur_date_passee(le, aujourd_hui, quoi=quoi)
    if message:
        raise ErreurMetier(message, champ)


# -- orientation ---------------------------------------------------------------------
def orienter(session: Session, *, par, personne: Personne, partenaire: Partenaire | None, le: date,
             motif: str, informations_transmises: str, consentement: bool, consentement_le: date | None,
             consentement_mode: str, aujourd_hui: date) -> Orientation:
    """Orientation with its fiche de liaison. Nothing is passed to the partner
    without the person's consent (secret partagé, CASF L121-6-2; RC §3.2 CP4
    « les échanges avec les acteurs respectent le principe de confidentialité »)."""
    policy.exiger(policy.est_conseiller(par))
    if partenaire is None or partenaire.structure_id != personne.structure_id:
        raise ErreurMetier("Choisissez un partenaire du répertoire.", "partenaire")
    _date_passee(le, aujourd_hui, "date_orientation", "La date de l'orientation")
    if not motif.strip():
        raise ErreurMetier("Indiquez le motif de l'orientation.", "motif")
    if informations_transmises.strip() and not consentement:
        raise ErreurMetier("Aucune information ne peut être transmise au partenaire sans l'accord de la "
                           "personne : recueillez son consentement ou videz ce champ.", "consentement")
    if consentement:
        _date_passee(consentement_le, aujourd_hui, "consentement_le", "La date du consentement")
        if not consentement_mode.strip():
            raise ErreurMetier("Indiquez comment le consentement a été recueilli.", "consentement_mode")
    orientation = Orientation(id=uuid.uuid4(), structure_id=personne.structure_id, personne_id=personne.id,
                              partenaire_id=partenaire.id, conseiller_id=par.id, date_orientation=le,
                              motif=motif.strip(), informations_transmises=informations_transmises.strip(),
                              consentement=consentement, consentement_le=consentement_le if consentement else None,
                              consentement_mode=consentement_mode.strip()[:200] if consentement else "")
    session.add(orientation)
    if personne.statut == StatutPersonne.ACCUEILLIE:
        personne.statut = StatutPersonne.ORIENTEE
    signaux.contact_realise.send(session, personne=personne, le=le)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="orientation", objet_id=orientation.id)
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="orientation", objet_id=orientation.id,
                                      le=le)
    return orientation


def enregistrer_reponse(session: Session, *, par, orientation: Orientation, reponse: str, le: date | None,
                        commentaire: str, aujourd_hui: date) -> Orientation:
    policy.exiger(policy.est_conseiller(par))
    if reponse not in {r.value for r in ReponsePartenaire}:
        raise ErreurMetier("Réponse inconnue.", "reponse")
    if reponse == ReponsePartenaire.EN_ATTENTE:
        orientation.reponse, orientation.reponse_le = ReponsePartenaire.EN_ATTENTE, None
    else:
        _date_passee(le, aujourd_hui, "reponse_le", "La date de la réponse")
        if le < orientation.date_orientation:
            raise ErreurMetier("La réponse ne peut pas précéder l'orientation.", "reponse_le")
        orientation.reponse, orientation.reponse_le = ReponsePartenaire(reponse), le
    if reponse == ReponsePartenaire.EXPIREE and not commentaire.strip():
        raise ErreurMetier("Dites pourquoi l'orientation expire (partenaire injoignable, la personne ne le "
                           "souhaite plus, autre solution trouvée…).", "reponse_commentaire")
    orientation.reponse_commentaire = commentaire.strip()
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="orientation",
                objet_id=orientation.id)
    return orientation
