"""Use cases on the person, owned by the personnes module: creation (with the
duplicate check), edition, and the contact columns every module keeps up to date
(through the `contact_realise` signal). Flush, never commit."""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.core.telephone import telephone_e164
from cipdesk.personnes import rules
from cipdesk.personnes.queries import doublons_probables
from cipdesk.personnes.models import PUBLICS, NiveauFormation, Personne, Sexe, SituationMarcheTravail, StatutPersonne
from cipdesk.personnes.rules import chiffres, normaliser_nom
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

MESSAGE_SEXE = "Choisissez le sexe de la personne (ou « Non renseigné »)."
MESSAGE_NIVEAU = "Choisissez le niveau de formation (ou « Non renseigné »)."
CODE_POSTAL = re.compile(r"^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$")


def noter_contact(personne: Personne, le: date, prochain_rdv: date | None = None) -> None:
    """Keep the caseload's denormalised columns up to date after any contact
    (accueil, entretien, synthèse, réunion…). A contact logged late, older than
    the last one, changes neither the last contact nor the next rendez-vous; a
    next rendez-vous already past is cleared."""
    if personne.dernier_contact_le is not None and le < personne.dernier_contact_le:
        return
    personne.dernier_contact_le = le
    if prochain_rdv is not None:
        personne.prochain_rdv_le = prochain_rdv
    elif personne.prochain_rdv_le is not None and personne.prochain_rdv_le <= le:
        personne.prochain_rdv_le = None


@dataclass
class DonneesPersonne:
    nom: str
    prenom: str
    nom_usage: str = ""
    date_naissance: date | None = None
    sexe: str = Sexe.NON_RENSEIGNE.value
    telephone: str = ""
    email: str = ""
    adresse: str = ""
    code_postal: str = ""
    commune: str = ""
    niveau_formation: str = NiveauFormation.INCONNU.value
    # Left empty in the form (nothing pre-selected): « Non renseigné », counted as missing in the
    # FSE+ completeness check of the chef's dashboard.
    situation_marche_travail: str = SituationMarcheTravail.INCONNU.value
    publics: list[str] = field(default_factory=list)
    prescripteur: str = ""
    commande_prescripteur: str = ""
    referent_id: uuid.UUID | None = None


def _appliquer(session: Session, personne: Personne, d: DonneesPersonne, aujourd_hui: date) -> None:
    message = rules.erreur_date_naissance(d.date_naissance, aujourd_hui)
    if message:
        raise ErreurMetier(message, "date_naissance")
    # Both feed the FSE+ figures: chosen by the conseiller, « Non renseigné » included.
    if d.sexe not in {s.value for s in Sexe}:
        raise ErreurMetier(MESSAGE_SEXE, "sexe")
    if d.niveau_formation not in {n.value for n in NiveauFormation}:
        raise ErreurMetier(MESSAGE_NIVEAU, "niveau_formation")
    if (d.situation_marche_travail or SituationMarcheTravail.INCONNU.value) not in {
            s.value for s in SituationMarcheTravail}:
        raise ErreurMetier("Choisissez la situation sur le marché du travail dans la liste.", "situation_marche_travail")
    if d.code_postal and not CODE_POSTAL.match(d.code_postal.strip()):
        raise ErreurMetier("Code postal invalide : 5 chiffres (exemple : 59000).", "code_postal")
    inconnus = [c for c in d.publics if c not in PUBLICS]
    if inconnus:
        raise ErreurMetier("Caractéristique de public inconnue.", "publics")
    personne.nom, personne.prenom = d.nom.strip(), d.prenom.strip()
    personne.nom_usage = d.nom_usage.strip()
    personne.date_naissance = d.date_naissance
    personne.sexe = Sexe(d.sexe)
    personne.telephone = telephone_e164(d.telephone)
    personne.telephone_recherche = chiffres(personne.telephone)
    if personne.telephone_recherche.startswith("33"):  # search « 06… » finds « +336… »
        personne.telephone_recherche = "0" + personne.telephone_recherche[2:]
    personne.email = d.email.strip().lower()
    personne.adresse, personne.code_postal = d.adresse.strip(), d.code_postal.strip()
    personne.commune = d.commune.strip()
    personne.niveau_formation = NiveauFormation(d.niveau_formation)
    personne.situation_marche_travail = SituationMarcheTravail(d.situation_marche_travail
                                                               or SituationMarcheTravail.INCONNU.value)
    personne.publics = list(d.publics)
    personne.prescripteur = d.prescripteur.strip()
    personne.commande_prescripteur = d.commande_prescripteur.strip()
    personne.nom_recherche = normaliser_nom(personne.nom, personne.prenom, personne.nom_usage)


def creer_personne(session: Session, *, par, donnees: DonneesPersonne, aujourd_hui: date,
                   confirmer_doublon: bool = False) -> Personne:
    """Creating a person warns on a probable duplicate (same name and birth date)
    before saving: the conseiller must confirm it is someone else."""
    policy.exiger(policy.peut_creer_personne(par))
    if not confirmer_doublon and doublons_probables(session, par.structure_id, donnees.nom,
                                                    donnees.prenom, donnees.date_naissance):
        raise ErreurMetier("Doublon probable : une personne de même nom et même date de naissance "
                           "existe déjà dans la structure.", "doublon")
    personne = Personne(id=uuid.uuid4(), structure_id=par.structure_id,
                        referent_id=donnees.referent_id or par.id, statut=StatutPersonne.ACCUEILLIE)
    _appliquer(session, personne, donnees, aujourd_hui)
    session.add(personne)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="personne", objet_id=personne.id)
    return personne


def creer_personnes(session: Session, *, par, lot: list[DonneesPersonne], aujourd_hui: date) -> list[Personne]:
    """Many people at once (a spreadsheet import, issue #19): the same checks as `creer_personne`,
    duplicates already settled by the caller, ONE flush for the lot. An ErreurMetier carries the
    index of the faulty entry in `lot` (attribute `rang`)."""
    policy.exiger(policy.peut_creer_personne(par))
    personnes = []
    for rang, donnees in enumerate(lot):
        personne = Personne(id=uuid.uuid4(), structure_id=par.structure_id,
                            referent_id=donnees.referent_id or par.id, statut=StatutPersonne.ACCUEILLIE)
        try:
            _appliquer(session, personne, donnees, aujourd_hui)
        except ErreurMetier as exc:
            exc.rang = rang
            raise
        personnes.append(personne)
    session.add_all(personnes)
    session.flush()
    for personne in personnes:
        journaliser(session, acteur=par, action=Action.CREATION, objet_type="personne", objet_id=personne.id)
    return personnes
# The identity and contact a person may have rectified (RGPD art. 16).
CHAMPS_RECTIFIABLES = ("nom", "prenom", "nom_usage", "date_naissance", "sexe", "telephone", "email",
                       "adresse", "code_postal", "commune", "niveau_formation")


def modifier_personne(session: Session, *, par, personne: Personne, donnees: DonneesPersonne,
                      aujourd_hui: date, version: int) -> Personne:
    if version != personne.version:
        raise ErreurMetier("La fiche a été modifiée entre-temps par un·e collègue : rechargez-la. "
                           "Votre saisie est conservée ci-dessous.", "version")
    avant = {champ: getattr(personne, champ) for champ in CHAMPS_RECTIFIABLES}
    _appliquer(session, personne, donnees, aujourd_hui)
    if donnees.referent_id:
        personne.referent_id = donnees.referent_id
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="personne", objet_id=personne.id)
    anciennes = {c: v for c, v in avant.items() if getattr(personne, c) != v}
    if anciennes:  # issue #18 point 8: the history of rectifications (module droits)
        from cipdesk.core import signaux

        signaux.personne_rectifiee.send(session, personne=personne, par=par, anciennes=anciennes, le=aujourd_hui)
    return personne
