"""Use cases of the contract (REAC CP6): open, amend or renew it, record its signature;
and the guards every parcours service shares (write access, optimistic locking).

Services take the session, the acting user and today's date explicitly, flush (never
commit) and raise ErreurMetier(message, champ). They keep the person's denormalised
columns (statut, dispositif_libelle) up to date.
"""
from __future__ import annotations

import functools
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import NatureVersion, Parcours, VersionContrat
from cipdesk.parcours.contrat.queries import parcours_ouvert
from cipdesk.parcours.contrat.rules import StatutParcours, verifier_dates_contrat
from cipdesk.core import listes
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.personnes.queries import contexte_acces
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser

MESSAGE_CONFLIT = ("{objet} a été modifié entre-temps par un·e collègue (ou dans un autre onglet). "
                   "Votre saisie est conservée ci-dessous : vérifiez la version enregistrée puis "
                   "enregistrez de nouveau.")


def exiger_modification(session: Session, par, personne: Personne) -> None:
    policy.verifier_structure(par, personne)
    policy.exiger(policy.peut_modifier_parcours(par, personne, **contexte_acces(session, personne)))


def verifier_version(obj, version: int | None, objet: str) -> None:
    """Optimistic locking in the service: the form carries the version it was
    read at; a different one means someone saved in between → refused, input kept."""
    if version is None or version != obj.version:
        raise ErreurMetier(MESSAGE_CONFLIT.format(objet=objet), "version")


def sans_ecrasement(objet: str):
    """Decorator for services guarded by `verifier_version`: when two saves race
    past that check (both read the same version), the database refuses the
    second at flush (version_id_col); that refusal becomes the same clear
    business error, so the route shows the form again with the input kept."""
    def decorer(service):
        @functools.wraps(service)
        def garde(session: Session, *args, **kwargs):
            try:
                resultat = service(session, *args, **kwargs)
                session.flush()
            except StaleDataError:
                session.rollback()
                raise ErreurMetier(MESSAGE_CONFLIT.format(objet=objet), "version") from None
            return resultat
        return garde
    return decorer


def _dispositif(session: Session, structure_id, code: str, *, actuel: str | None = None) -> str:
    valeurs = listes.valeurs(session, structure_id, "dispositif")
    if code != actuel and code not in dict(listes.actives(valeurs)):
        raise ErreurMetier("Choisissez un dispositif de la liste.", "dispositif_code")
    return listes.libelle(valeurs, code) or code


def _termes(parcours: Parcours) -> dict:
    return {"dispositif": parcours.dispositif_libelle, "debut": parcours.debut.isoformat(),
            "fin_prevue": parcours.fin_prevue.isoformat() if parcours.fin_prevue else "",
            "objectifs": parcours.objectifs, "engagements_personne": parcours.engagements_personne,
            "engagements_structure": parcours.engagements_structure}


def texte_obligatoire(valeur: str, champ: str, message: str) -> str:
    valeur = (valeur or "").strip()
    if not valeur:
        raise ErreurMetier(message, champ)
    return valeur


def ouvrir_parcours(session: Session, personne: Personne, *, par, dispositif_code: str, debut: date,
                    fin_prevue: date | None, objectifs: str, engagements_personne: str,
                    engagements_structure: str, referent=None) -> Parcours:
    """Contractualiser (REAC CP6: « L'accompagnement est contractualisé avec la personne »)."""
    exiger_modification(session, par, personne)
    if parcours_ouvert(session, personne.id) is not None:
        raise ErreurMetier("Cette personne a déjà un parcours en cours : modifiez-le ou clôturez-le.",
                           "dispositif_code")
    verifier_dates_contrat(debut, fin_prevue)
    referent = referent or par
    if referent.structure_id != personne.structure_id:
        raise ErreurMetier("Le ou la référent·e doit appartenir à la structure.", "referent_id")
    parcours = Parcours(
        structure_id=personne.structure_id, personne_id=personne.id, referent_id=referent.id,
        dispositif_code=dispositif_code,
        dispositif_libelle=_dispositif(session, personne.structure_id, dispositif_code),
        debut=debut, fin_prevue=fin_prevue,
        objectifs=texte_obligatoire(objectifs, "objectifs", "Indiquez les objectifs du parcours."),
        engagements_personne=texte_obligatoire(engagements_personne, "engagements_personne",
                                                "Indiquez les engagements de la personne."),
        engagements_structure=texte_obligatoire(engagements_structure, "engagements_structure",
                                                 "Indiquez les engagements de la structure."),
        statut=StatutParcours.OUVERT)
    session.add(parcours)
    session.flush()
    session.add(VersionContrat(structure_id=parcours.structure_id, parcours_id=parcours.id, numero=1,
                               nature=NatureVersion.INITIAL, le=debut, par_id=par.id,
                               termes=_termes(parcours)))
    personne.statut = StatutPersonne.ACCOMPAGNEE
    personne.dispositif_libelle = parcours.dispositif_libelle[:120]
    if personne.referent_id is None:
        personne.referent_id = referent.id
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="parcours", objet_id=parcours.id,
                                      le=debut)
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="parcours", objet_id=parcours.id)
    return parcours


@sans_ecrasement("Le contrat")
def modifier_contrat(session: Session, parcours: Parcours, *, par, version: int | None,
                     nature: NatureVersion, motif: str, le: date, dispositif_code: str,
                     fin_prevue: date | None, objectifs: str, engagements_personne: str,
                     engagements_structure: str) -> VersionContrat:
    """Avenant or renouvellement: the contract changes, its history is kept
    (one VersionContrat per state) and the new version awaits signature."""
    exiger_modification(session, par, parcours.personne)
    verifier_version(parcours, version, "Le contrat")
    if not parcours.est_ouvert:
        raise ErreurMetier("Un parcours clos ne se modifie plus.", "nature")
    if nature == NatureVersion.INITIAL:
        raise ErreurMetier("Choisissez avenant ou renouvellement.", "nature")
    motif = texte_obligatoire(motif, "motif", "Indiquez le motif de l'avenant ou du renouvellement.")
    verifier_dates_contrat(parcours.debut, fin_prevue)
    if le < parcours.debut:
        raise ErreurMetier("La date doit être postérieure au début du parcours.", "le")
    if nature == NatureVersion.RENOUVELLEMENT and (
            fin_prevue is None or (parcours.fin_prevue and fin_prevue <= parcours.fin_prevue)):
        raise ErreurMetier("Un renouvellement prolonge le contrat : indiquez une fin prévue plus tardive.",
                           "fin_prevue")
    parcours.dispositif_libelle = _dispositif(session, parcours.structure_id, dispositif_code,
                                              actuel=parcours.dispositif_code)
    parcours.dispositif_code = dispositif_code
    parcours.fin_prevue = fin_prevue
    parcours.objectifs = texte_obligatoire(objectifs, "objectifs", "Indiquez les objectifs du parcours.")
    parcours.engagements_personne = texte_obligatoire(engagements_personne, "engagements_personne",
                                                       "Indiquez les engagements de la personne.")
    parcours.engagements_structure = texte_obligatoire(engagements_structure, "engagements_structure",
                                                        "Indiquez les engagements de la structure.")
    parcours.signe_le = None
    numero = 1 + (session.scalar(select(func.max(VersionContrat.numero))
                                 .where(VersionContrat.parcours_id == parcours.id)) or 0)
    nouvelle = VersionContrat(structure_id=parcours.structure_id, parcours_id=parcours.id, numero=numero,
                              nature=nature, le=le, par_id=par.id, motif=motif, termes=_termes(parcours))
    session.add(nouvelle)
    parcours.personne.dispositif_libelle = parcours.dispositif_libelle[:120]
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="parcours",
                objet_id=parcours.id, details={"contrat": nature.value, "version": numero})
    return nouvelle


def enregistrer_signature(session: Session, parcours: Parcours, *, par, signe_le: date | None,
                          aujourd_hui: date) -> None:
    exiger_modification(session, par, parcours.personne)
    derniere = max(parcours.versions_contrat, key=lambda v: v.numero)
    if signe_le is None:
        raise ErreurMetier("Indiquez la date de signature.", "signe_le")
    if signe_le > aujourd_hui:
        raise ErreurMetier("La date de signature ne peut pas être dans le futur.", "signe_le")
    if signe_le < min(derniere.le, parcours.debut):
        raise ErreurMetier("La signature ne peut pas précéder le contrat.", "signe_le")
    derniere.signe_le = signe_le
    parcours.signe_le = signe_le
    session.flush()
