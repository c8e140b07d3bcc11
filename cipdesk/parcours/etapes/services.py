"""Use cases of the étapes of a parcours (REAC CP6: « Les étapes du parcours sont
co-construites avec la personne », « … en cohérence avec le diagnostic partagé et
son évolution »). Every creation, change of status and réajustement is logged."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil.queries import freins_du_dernier_diagnostic
from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.services import exiger_modification, sans_ecrasement, verifier_version
from cipdesk.parcours.etapes.models import Etape, EtapeEvenement, NatureEvenement
from cipdesk.parcours.etapes.rules import (STATUTS_OUVERTS, Coherence, Responsable, StatutEtape, coherence,
                                           differences, statut_apres_presence, verifier_echeance, verifier_realisation,
                                           verifier_transition)
from cipdesk.core import listes


def _frein(session: Session, parcours: Parcours, dimension_code: str) -> str:
    """The label of the frein the étape answers, copied from the diagnostic."""
    if not dimension_code:
        return ""
    for frein in freins_du_dernier_diagnostic(session, parcours.personne_id):
        if frein.dimension_code == dimension_code:
            return f"{frein.dimension_libelle} : {frein.libelle}"[:300]
    raise ErreurMetier("Ce frein ne figure pas dans le dernier diagnostic de la personne.",
                       "frein_dimension_code")


def _type(session: Session, parcours: Parcours, code: str, *, actuel: str | None = None) -> str:
    valeurs = listes.valeurs(session, parcours.structure_id, "type_etape")
    if code != actuel and code not in dict(listes.actives(valeurs)):
        raise ErreurMetier("Choisissez un type d'étape de la liste.", "type_code")
    return listes.libelle(valeurs, code) or code


def journaliser_etape(session: Session, etape: Etape, *, par, nature: NatureEvenement, le: date,
             avant: str = "", apres: str = "", motif: str = "", changements: dict | None = None) -> None:
    evenement = EtapeEvenement(structure_id=etape.structure_id, etape_id=etape.id, nature=nature, le=le,
                               par_id=par.id, statut_avant=avant, statut_apres=apres,
                               motif=motif, changements=changements or {})
    session.add(evenement)
    etape.evenements.append(evenement)


def ajouter_etape(session: Session, parcours: Parcours, *, par, type_code: str, intitule: str,
                  responsable: Responsable, partenaire: str = "", echeance: date | None,
                  frein_dimension_code: str = "", objectif: str = "", le: date) -> Etape:
    exiger_modification(session, par, parcours.personne)
    if not parcours.est_ouvert:
        raise ErreurMetier("Le parcours est clos : on n'y ajoute plus d'étape.", "intitule")
    intitule = (intitule or "").strip()
    if not intitule:
        raise ErreurMetier("Décrivez l'étape.", "intitule")
    if echeance is None:
        raise ErreurMetier("Indiquez l'échéance de l'étape.", "echeance")
    verifier_echeance(parcours.debut, echeance)
    if responsable == Responsable.PARTENAIRE and not (partenaire or "").strip():
        raise ErreurMetier("Nommez le partenaire responsable.", "partenaire")
    frein_libelle = _frein(session, parcours, frein_dimension_code)
    objectif = (objectif or "").strip()
    if not frein_libelle and not objectif:
        raise ErreurMetier("Dites à quel frein du diagnostic ou à quel objectif du parcours l'étape répond.",
                           "frein_dimension_code")
    etape = Etape(structure_id=parcours.structure_id, parcours_id=parcours.id, type_code=type_code,
                  type_libelle=_type(session, parcours, type_code), intitule=intitule[:300],
                  responsable=responsable, partenaire=(partenaire or "").strip()[:200],
                  echeance=echeance, statut=StatutEtape.PREVUE,
                  frein_dimension_code=frein_dimension_code or "", frein_libelle=frein_libelle,
                  objectif=objectif[:300])
    session.add(etape)
    session.flush()
    journaliser_etape(session, etape, par=par, nature=NatureEvenement.CREATION, le=le,
             apres=StatutEtape.PREVUE.value)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="etape", objet_id=etape.id,
                                      le=le)
    return etape


@sans_ecrasement("Cette étape")
def changer_statut(session: Session, etape: Etape, *, par, statut: StatutEtape, le: date,
                   motif: str = "", version: int | None, aujourd_hui: date) -> Etape:
    """Move an étape through the state machine of rules.TRANSITIONS_ETAPE; logged."""
    exiger_modification(session, par, etape.parcours.personne)
    verifier_version(etape, version, "Cette étape")
    verifier_transition(etape.statut, statut)
    verifier_realisation(statut, le, aujourd_hui)
    if le < etape.parcours.debut:
        raise ErreurMetier("La date précède le début du parcours.", "le")
    if statut in (StatutEtape.ABANDONNEE, StatutEtape.ANNULEE, StatutEtape.REPORTEE) and not motif.strip():
        raise ErreurMetier("Indiquez le motif de ce changement.", "motif")
    avant = etape.statut
    etape.statut = statut
    etape.realisee_le = le if statut == StatutEtape.REALISEE else None
    journaliser_etape(session, etape, par=par, nature=NatureEvenement.STATUT, le=le, avant=avant.value,
             apres=statut.value, motif=motif.strip())
    session.flush()
    return etape


CHAMPS_REAJUSTABLES = ("type_code", "intitule", "responsable", "partenaire", "echeance",
                       "frein_dimension_code", "objectif")


@sans_ecrasement("Cette étape")
def reajuster_etape(session: Session, etape: Etape, *, par, motif: str, le: date,
                    version: int | None, **champs) -> EtapeEvenement:
    """Réajuster: records when, why and what changed (REAC CP6: the parcours
    follows the diagnostic « et son évolution »)."""
    exiger_modification(session, par, etape.parcours.personne)
    verifier_version(etape, version, "Cette étape")
    if etape.statut not in STATUTS_OUVERTS:
        raise ErreurMetier(f"Une étape « {etape.statut.libelle} » ne se réajuste plus.", "motif")
    motif = (motif or "").strip()
    if not motif:
        raise ErreurMetier("Indiquez pourquoi l'étape est réajustée.", "motif")
    inconnus = set(champs) - set(CHAMPS_REAJUSTABLES)
    if inconnus:
        raise ValueError(f"champs non réajustables : {inconnus}")
    parcours = etape.parcours
    avant = {c: getattr(etape, c) for c in champs}
    apres = dict(champs)
    if "responsable" in apres:
        apres["responsable"] = Responsable(apres["responsable"])
        avant["responsable"] = etape.responsable
    changements = differences({k: getattr(v, "libelle", v) for k, v in avant.items()},
                              {k: getattr(v, "libelle", v) for k, v in apres.items()})
    if not changements:
        raise ErreurMetier("Rien n'a changé : modifiez au moins un élément de l'étape.", "motif")
    if "echeance" in apres:
        if apres["echeance"] is None:
            raise ErreurMetier("Indiquez l'échéance de l'étape.", "echeance")
        verifier_echeance(parcours.debut, apres["echeance"])
    if "type_code" in apres and apres["type_code"] != etape.type_code:
        ancien_libelle = etape.type_libelle
        etape.type_libelle = _type(session, parcours, apres["type_code"], actuel=etape.type_code)
        changements["type_code"] = [ancien_libelle, etape.type_libelle]
    if "frein_dimension_code" in apres and apres["frein_dimension_code"] != etape.frein_dimension_code:
        etape.frein_libelle = _frein(session, parcours, apres["frein_dimension_code"] or "")
    for champ, valeur in apres.items():
        setattr(etape, champ, valeur.strip() if isinstance(valeur, str) else valeur)
    if not etape.frein_dimension_code and not etape.objectif:
        raise ErreurMetier("Dites à quel frein du diagnostic ou à quel objectif du parcours l'étape répond.",
                           "frein_dimension_code")
    if etape.responsable == Responsable.PARTENAIRE and not etape.partenaire:
        raise ErreurMetier("Nommez le partenaire responsable.", "partenaire")
    if "frein_dimension_code" in changements:
        changements["frein_dimension_code"] = [avant.get("frein_dimension_code") or "", etape.frein_libelle]
    journaliser_etape(session, etape, par=par, nature=NatureEvenement.REAJUSTEMENT, le=le, motif=motif,
             avant=etape.statut.value, apres=etape.statut.value, changements=changements)
    session.flush()
    return etape.evenements[-1]


def coherence_du_parcours(session: Session, parcours: Parcours) -> Coherence:
    """RC §3.2, CP6: the étapes against the freins of the latest diagnostic."""
    return coherence(freins_du_dernier_diagnostic(session, parcours.personne_id), parcours.etapes)


LIBELLES_CHAMPS = {"type_code": "Type", "intitule": "Étape", "responsable": "Responsable",
                   "partenaire": "Partenaire", "echeance": "Échéance",
                   "frein_dimension_code": "Frein du diagnostic", "objectif": "Objectif"}


def etape_atelier(session: Session, personne, *, par, intitule: str, le: date, aujourd_hui: date) -> Etape | None:
    """An enrolment in an atelier becomes an étape « atelier » of the person's open parcours
    (REAC CP6: « les étapes du parcours sont co-construites avec la personne » ; CP10), once:
    a second enrolment in the same atelier links to the same étape. No open parcours, or an
    atelier before its start: nothing to record here (the atelier keeps the enrolment)."""
    from sqlalchemy import select

    parcours = session.scalar(select(Parcours).where(Parcours.personne_id == personne.id)
                              .order_by(Parcours.debut.desc()).limit(1))
    if parcours is None or not parcours.est_ouvert or le < parcours.debut:
        return None
    titre = f"Atelier : {intitule}"[:300]
    for etape in parcours.etapes:
        if etape.type_code == "atelier" and etape.intitule == titre and etape.statut == StatutEtape.PREVUE:
            return etape
    return ajouter_etape(session, parcours, par=par, type_code="atelier", intitule=titre,
                         responsable=Responsable.PERSONNE, echeance=le,
                         objectif=f"Participer à l'atelier « {intitule} »", le=aujourd_hui)


def etape_atelier_presence(session: Session, personne, *, par, intitule: str, le: date, venu: bool,
                           derniere: bool) -> Etape | None:
    """The attendance at a half-day moves the étape « atelier » the enrolment created
    (rules.statut_apres_presence), logged like any change of status with the half-day as its
    date. The animateur who records attendance may not be the person's référent: this is a
    fact of the session, recorded for every enrolled participant, not an edit of the parcours
    (the enrolment itself was checked against the access rules)."""
    from sqlalchemy import select

    parcours = session.scalar(select(Parcours).where(Parcours.personne_id == personne.id)
                              .order_by(Parcours.debut.desc()).limit(1))
    if parcours is None or not parcours.est_ouvert:
        return None
    titre = f"Atelier : {intitule}"[:300]
    etapes = [e for e in parcours.etapes if e.type_code == "atelier" and e.intitule == titre
              and e.statut in STATUTS_OUVERTS]
    if not etapes:
        return None
    etape = etapes[0]
    apres = statut_apres_presence(etape.statut, venu=venu, derniere=derniere)
    if apres is None or le < parcours.debut:
        return etape
    avant = etape.statut
    etape.statut = apres
    etape.realisee_le = le if apres == StatutEtape.REALISEE else None
    journaliser_etape(session, etape, par=par, nature=NatureEvenement.STATUT, le=le, avant=avant.value,
                      apres=apres.value, motif=f"Présence à l'atelier le {le:%d/%m/%Y}")
    session.flush()
    return etape
