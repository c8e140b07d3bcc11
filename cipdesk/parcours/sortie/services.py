"""Bilan and exit of a parcours, passage de relais, follow-up at 3 and 6 months (REAC CP6)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.rules import StatutParcours
from cipdesk.parcours.contrat.services import exiger_modification, sans_ecrasement, verifier_version
from cipdesk.parcours.etapes.models import NatureEvenement
from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS, StatutEtape
from cipdesk.parcours.etapes.services import journaliser_etape
from cipdesk.parcours.sortie.models import Sortie, SuiviSortie
from cipdesk.parcours.sortie.rules import (MOIS_SUIVI, DevenirEtapes, SituationSuivi, categorie_de,
                                           verifier_date_sortie)
from cipdesk.personnes.models import StatutPersonne
from cipdesk.security.audit import Action, journaliser

STATUT_SELON_DEVENIR = {DevenirEtapes.ANNULER: StatutEtape.ANNULEE,
                        DevenirEtapes.ABANDONNER: StatutEtape.ABANDONNEE,
                        DevenirEtapes.TRANSMETTRE: StatutEtape.ANNULEE}


@sans_ecrasement("Le parcours")
def clore_parcours(session: Session, parcours: Parcours, *, par, version: int | None, sortie_le: date | None,
                   motif: str, bilan: str, precision: str = "", devenir_etapes: DevenirEtapes | None = None,
                   relais_vers: str = "", relais_contenu: str = "", relais_consentement: bool = False,
                   aujourd_hui: date) -> Sortie:
    """Bilan and exit. Closing with open étapes asks what becomes of them."""
    exiger_modification(session, par, parcours.personne)
    verifier_version(parcours, version, "Le parcours")
    if not parcours.est_ouvert:
        raise ErreurMetier("Ce parcours est déjà clos.", "sortie_le")
    if sortie_le is None:
        raise ErreurMetier("Indiquez la date de sortie.", "sortie_le")
    verifier_date_sortie(parcours.debut, sortie_le, aujourd_hui)
    categorie = categorie_de(motif)
    bilan = (bilan or "").strip()
    if not bilan:
        raise ErreurMetier("Rédigez le bilan du parcours.", "bilan")
    ouvertes = [e for e in parcours.etapes if e.statut in STATUTS_OUVERTS]
    if ouvertes and devenir_etapes is None:
        raise ErreurMetier(f"{len(ouvertes)} étape(s) sont encore ouvertes : dites ce qu'elles deviennent.",
                           "devenir_etapes")
    relais_vers = (relais_vers or "").strip()
    if relais_vers and not relais_consentement:
        raise ErreurMetier("Le passage de relais se fait avec le consentement de la personne.",
                           "relais_consentement")
    if devenir_etapes == DevenirEtapes.TRANSMETTRE and ouvertes and not relais_vers:
        raise ErreurMetier("Pour transmettre les étapes, indiquez à qui passe le relais.", "relais_vers")
    for etape in ouvertes:
        avant = etape.statut
        etape.statut = STATUT_SELON_DEVENIR[devenir_etapes]
        journaliser_etape(session, etape, par=par, nature=NatureEvenement.STATUT, le=sortie_le, avant=avant.value,
                 apres=etape.statut.value, motif=f"Clôture du parcours : {devenir_etapes.libelle}")
    sortie = Sortie(structure_id=parcours.structure_id, parcours_id=parcours.id, sortie_le=sortie_le,
                    motif=motif, categorie=categorie, precision=(precision or "").strip(),
                    devenir_etapes=devenir_etapes if ouvertes else None, relais_vers=relais_vers[:200],
                    relais_contenu=(relais_contenu or "").strip(),
                    relais_consentement=bool(relais_consentement and relais_vers))
    session.add(sortie)
    parcours.sortie = sortie
    parcours.statut = StatutParcours.CLOS
    parcours.bilan = bilan
    personne = parcours.personne
    personne.statut = StatutPersonne.SORTIE
    personne.dispositif_libelle = ""
    personne.prochain_rdv_le = None
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="bilan_parcours", objet_id=sortie.id,
                                      le=sortie_le)
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="parcours",
                objet_id=parcours.id, details={"sortie": categorie.value})
    return sortie


def enregistrer_suivi(session: Session, sortie: Sortie, *, par, mois: int, fait_le: date | None,
                      situation: SituationSuivi, commentaire: str = "",
                      aujourd_hui: date) -> SuiviSortie:
    """Follow-up at 3 or 6 months after the exit: the person's situation then."""
    exiger_modification(session, par, sortie.parcours.personne)
    if mois not in MOIS_SUIVI:
        raise ErreurMetier("Le suivi se fait à 3 ou 6 mois.", "mois")
    if fait_le is None:
        raise ErreurMetier("Indiquez la date du suivi.", "fait_le")
    if fait_le < sortie.sortie_le or fait_le > aujourd_hui:
        raise ErreurMetier("Le suivi se date entre la sortie et aujourd'hui.", "fait_le")
    if any(s.mois == mois for s in sortie.suivis):
        raise ErreurMetier(f"Le suivi à {mois} mois est déjà enregistré.", "mois")
    suivi = SuiviSortie(structure_id=sortie.structure_id, sortie_id=sortie.id, mois=mois, fait_le=fait_le,
                        situation=situation, commentaire=(commentaire or "").strip())
    session.add(suivi)
    sortie.suivis.append(suivi)
    session.flush()
    return suivi


def sortie_confirmee_ailleurs(session: Session, personne, *, par, motif: str, le: date, libelle: str,
                              aujourd_hui: date) -> Sortie | None:
    """The exit category confirmed at the bilan of an intégration (REAC CP14) is the
    parcours's exit (issue #14 point 6, « no second form for the funder »): the open
    parcours is closed at that date (its open étapes cancelled, the job ends them);
    a parcours already closed gets this motive and category. No parcours: nothing."""
    from cipdesk.parcours.contrat.queries import parcours_de_la_personne

    tous = parcours_de_la_personne(session, personne.id)
    if not tous:
        return None
    parcours = next((p for p in tous if p.est_ouvert), tous[0])
    if parcours.est_ouvert:
        le = max(le, parcours.debut)
        ouvertes = any(e.statut in STATUTS_OUVERTS for e in parcours.etapes)
        return clore_parcours(session, parcours, par=par, version=parcours.version, sortie_le=le, motif=motif,
                              bilan=libelle, devenir_etapes=DevenirEtapes.ANNULER if ouvertes else None,
                              aujourd_hui=aujourd_hui)
    sortie = parcours.sortie
    if sortie is None:
        return None
    exiger_modification(session, par, personne)
    avant = sortie.categorie.value
    sortie.motif, sortie.categorie = motif, categorie_de(motif)
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="parcours", objet_id=parcours.id,
                details={"sortie": sortie.categorie.value, "avant": avant, "source": "bilan_integration"})
    return sortie


def situation_confirmee_ailleurs(session: Session, personne, *, par, mois: int, fait_le: date, situation: str,
                                 commentaire: str = "", aujourd_hui: date) -> SuiviSortie:
    """The situation N months after the exit, given by a follow-up in employment
    (intégration M+3 / M+6) and confirmed by the conseiller: the parcours's follow-up."""
    from cipdesk.parcours.contrat.queries import parcours_de_la_personne

    sortie = next((p.sortie for p in parcours_de_la_personne(session, personne.id) if p.sortie is not None), None)
    if sortie is None:
        raise ErreurMetier("La personne n'a pas de parcours clos : il n'y a pas de suivi après la sortie à "
                           "renseigner.")
    return enregistrer_suivi(session, sortie, par=par, mois=mois, fait_le=fait_le,
                             situation=SituationSuivi(situation), commentaire=commentaire, aujourd_hui=aujourd_hui)
