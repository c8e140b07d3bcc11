"""Use cases: synthèse d'entretien, partenaires, orientation, réunion d'information.
Flush, never commit."""
from __future__ import annotations

from cipdesk.core import signaux

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil import rules
from cipdesk.accueil.models import Partenaire
from cipdesk.accueil.services import telephone_e164
from cipdesk.accueil.suivi_models import (CONTENUS_REUNION, ModePartage, Orientation, ParticipantReunion,
                                          ReponsePartenaire, ResultatReunion, ReunionInformation, Synthese)
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def _date_passee(le, aujourd_hui, champ, quoi):
    message = rules.erreur_date_passee(le, aujourd_hui, quoi=quoi)
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


# -- partenaires ---------------------------------------------------------------------
@dataclass
class DonneesPartenaire:
    nom: str
    type_partenaire: str = ""
    domaines: list[str] = field(default_factory=list)
    adresse: str = ""
    contact_nom: str = ""
    telephone: str = ""
    email: str = ""
    actif: bool = True


def enregistrer_partenaire(session: Session, *, par, donnees: DonneesPartenaire,
                           partenaire: Partenaire | None = None) -> Partenaire:
    policy.exiger(policy.peut_modifier_repertoire(par))
    if not donnees.nom.strip():
        raise ErreurMetier("Le nom du partenaire est obligatoire.", "nom")
    nouveau = partenaire is None
    if nouveau:
        partenaire = Partenaire(id=uuid.uuid4(), structure_id=par.structure_id)
        session.add(partenaire)
    partenaire.nom, partenaire.type_partenaire = donnees.nom.strip()[:200], donnees.type_partenaire.strip()[:120]
    partenaire.domaines = list(donnees.domaines)
    partenaire.adresse, partenaire.contact_nom = donnees.adresse.strip()[:300], donnees.contact_nom.strip()[:200]
    partenaire.telephone = telephone_e164(donnees.telephone)
    partenaire.email, partenaire.actif = donnees.email.strip().lower(), donnees.actif
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION if nouveau else Action.MODIFICATION,
                objet_type="partenaire", objet_id=partenaire.id)
    return partenaire


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
    orientation.reponse_commentaire = commentaire.strip()
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="orientation",
                objet_id=orientation.id)
    return orientation


# -- réunion d'information collective --------------------------------------------------
def creer_reunion(session: Session, *, par, le: date, lieu: str, animateurs: str, contenus: list[str],
                  contenus_precisions: str, aujourd_hui: date) -> ReunionInformation:
    policy.exiger(policy.peut_modifier_repertoire(par))
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
    policy.exiger(policy.peut_modifier_repertoire(par))
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
