"""Use cases of recruitment support (REAC CP13). Flush, never commit."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.offres import rules
from cipdesk.employeurs.offres.models import FicheDePoste, JustificationOffre, Offre
from cipdesk.employeurs.offres.rules import StatutOffre


def rediger_fiche(session: Session, entreprise: Entreprise, *, par, donnees: dict, aujourd_hui: date) -> FicheDePoste:
    """CP13 « Conduire un entretien d'analyse de la demande d'un employeur », « Rédiger
    une fiche de poste »: the need and the position's characteristics."""
    if donnees["entretien_le"] > aujourd_hui:
        raise ErreurMetier("L'entretien d'analyse du besoin a eu lieu : sa date ne peut pas être dans le futur.",
                           "entretien_le")
    contact = donnees.pop("contact", None)
    if contact is not None and contact.entreprise_id != entreprise.id:
        raise ErreurMetier("Choisissez un contact de cette entreprise.", "contact_id")
    donnees["type_contrat"] = rules.TypeContrat(donnees["type_contrat"])
    for champ, enum in (("permis_requis", rules.Permis), ("horaires_atypiques", rules.Horaire)):
        donnees[champ] = list(donnees.get(champ) or [])
        if not set(donnees[champ]) <= {e.value for e in enum}:
            raise ErreurMetier("Choisissez dans la liste.", champ)
    fiche = FicheDePoste(structure_id=entreprise.structure_id, entreprise=entreprise, redigee_par_id=par.id,
                         contact=contact, **donnees)
    session.add(fiche)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="fiche_de_poste", objet_id=fiche.id,
                                      le=fiche.entretien_le)
    return fiche


def texte_depuis_fiche(fiche: FicheDePoste) -> str:
    """A first wording of the offer, from the fiche de poste (to be reread and checked)."""
    parties = [("Missions", fiche.missions), ("Activités", fiche.activites),
               ("Compétences attendues", fiche.competences), ("Conditions de travail", fiche.conditions),
               ("Contrat", fiche.type_contrat.libelle), ("Durée du travail", fiche.duree_hebdo),
               ("Horaires", fiche.horaires), ("Rémunération", fiche.remuneration), ("Lieu", fiche.lieu)]
    return "\n".join(f"{titre} : {valeur}" for titre, valeur in parties if valeur)


def _dates(ouverte_le, cloture_le) -> None:
    for champ, message in rules.verifier_dates_offre(ouverte_le, cloture_le).items():
        raise ErreurMetier(message, champ)


def creer_offre(session: Session, fiche: FicheDePoste, *, par, donnees: dict) -> Offre:
    _dates(donnees["ouverte_le"], donnees.get("cloture_le"))
    offre = Offre(structure_id=fiche.structure_id, fiche=fiche, entreprise_id=fiche.entreprise_id,
                  statut=StatutOffre.BROUILLON, **donnees)
    session.add(offre)
    session.flush()
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="offre_emploi", objet_id=offre.id,
                                      le=offre.ouverte_le)
    return offre


def modifier_offre(session: Session, offre: Offre, *, par, donnees: dict, version: int | None) -> Offre:
    if version is not None and version != offre.version:
        raise ErreurMetier("Un·e collègue a modifié cette offre entre-temps : rechargez la page.", "version")
    _dates(donnees["ouverte_le"], donnees.get("cloture_le"))
    for champ, valeur in donnees.items():
        setattr(offre, champ, valeur)
    if offre.statut == StatutOffre.PUBLIEE and signalements_ouverts(offre):
        # a diffused offer edited into a flagged wording goes back to draft
        offre.statut, offre.verifiee_le = StatutOffre.BROUILLON, None
    session.flush()
    return offre


def signalements(offre: Offre) -> list[rules.Signalement]:
    return rules.verifier_offre(offre.intitule, offre.texte)


def signalements_ouverts(offre: Offre) -> list[rules.Signalement]:
    return rules.non_resolus(signalements(offre), {j.cle for j in offre.justifications})


def justifier(session: Session, offre: Offre, *, par, cle: str, justification: str, le: datetime
              ) -> JustificationOffre:
    """Keep a flagged requirement with its written reason (art. L1133-1); kept with
    who wrote it and when."""
    signalement = next((s for s in signalements(offre) if s.cle == cle), None)
    if signalement is None:
        raise ErreurMetier("Cette formulation n'est plus signalée : rien à justifier.")
    if cle in {j.cle for j in offre.justifications}:
        raise ErreurMetier("Cette exigence est déjà justifiée.")
    message = rules.verifier_justification(justification)
    if message:
        raise ErreurMetier(message, "justification")
    j = JustificationOffre(structure_id=offre.structure_id, offre=offre, cle=cle, code_regle=signalement.code,
                           extrait=signalement.extrait[:250], justification=justification.strip(), par_id=par.id,
                           le=le)
    session.add(j)
    session.flush()
    return j


def diffuser(session: Session, offre: Offre, *, par, le: datetime) -> Offre:
    """An offer is diffused only once every flag is fixed or justified (REAC CP13,
    « Formaliser une offre d'emploi selon la législation en vigueur »)."""
    if offre.statut != StatutOffre.BROUILLON:
        raise ErreurMetier("Seule une offre en brouillon peut être diffusée.")
    ouverts = signalements_ouverts(offre)
    if ouverts:
        raise ErreurMetier(f"L'offre contient encore {len(ouverts)} formulation(s) signalée(s) : corrigez-les ou "
                           "justifiez-les avant de la diffuser.")
    offre.statut, offre.verifiee_le = StatutOffre.PUBLIEE, le
    session.flush()
    return offre


def changer_statut(session: Session, offre: Offre, *, par, statut: StatutOffre, le: date) -> Offre:
    if offre.statut not in (StatutOffre.PUBLIEE, StatutOffre.BROUILLON) or statut not in (StatutOffre.POURVUE,
                                                                                          StatutOffre.CLOSE):
        raise ErreurMetier("Ce changement de statut n'est pas possible.")
    _dates(offre.ouverte_le, le)
    offre.statut, offre.cloture_le = statut, le
    session.flush()
    return offre
