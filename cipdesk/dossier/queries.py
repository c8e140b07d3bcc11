"""Reading the candidat's records for their dossier: the possible cases of each part
(with why each is eligible or not) and the material of each part, assembled by
`brouillon`. Only the candidat's own records: entretiens they held, ateliers they ran,
actions they led. Reads other domains' models (the architecture allows models and
queries), never their services."""
from __future__ import annotations

import uuid
from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cipdesk.accueil.diagnostic.models import Diagnostic
from cipdesk.accueil.orientation.models import Orientation
from cipdesk.ateliers.bilan.models import BilanAtelier
from cipdesk.ateliers.conception.models import Atelier
from cipdesk.ateliers.evaluations.models import Satisfaction
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.competences import queries as competences
from cipdesk.core.contrat import registre
from cipdesk.dossier.brouillon import accompagnement, actions
from cipdesk.dossier.brouillon.commun import Assemblage, Bloc, entreprise_generalisee, mois_annee, personnage
from cipdesk.dossier.models import PartieRedigee
from cipdesk.dossier.rules import CasPossible, Piece, eligibilite
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.offres.models import FicheDePoste, Offre
from cipdesk.employeurs.prospection import queries as prospection
from cipdesk.employeurs.prospection.models import ActionProspection
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.projet.models import ActionPlan, Projet
from cipdesk.territoire.partenaires.models import Partenaire

# Codes of other domains' enumerations (their `rules` are theirs: the architecture lets a
# domain read another's models and queries only; the codes are stable, stored values).
ENTRETIEN_PROJET = "projet"
INSCRIT, PRESENT = "inscrit", "present"


def _uuid(ref: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(ref.partition(":")[2])
    except ValueError:
        return None


# -- the parts' records -----------------------------------------------------------------


def partie_redigee(session: Session, candidat, numero: int, production: str = "titre") -> PartieRedigee | None:
    return session.scalar(select(PartieRedigee).where(
        PartieRedigee.utilisateur_id == candidat.id, PartieRedigee.production == production,
        PartieRedigee.numero == numero))


def parties_redigees(session: Session, candidat, production: str = "titre") -> dict[int, PartieRedigee]:
    return {p.numero: p for p in session.scalars(select(PartieRedigee).where(
        PartieRedigee.utilisateur_id == candidat.id, PartieRedigee.production == production))}


def preuves(session: Session, candidat) -> dict[str, int]:
    return {code: n for code, (n, _d) in competences.couverture(session, candidat.id).items()}


# -- possible cases -------------------------------------------------------------------------


def _entretiens_par_parcours(session: Session, candidat, type_entretien=None):
    requete = (select(Entretien.parcours_id, func.count(Entretien.id))
               .where(Entretien.conseiller_id == candidat.id).group_by(Entretien.parcours_id))
    if type_entretien is not None:
        requete = requete.where(Entretien.type_entretien == type_entretien)
    return dict(session.execute(requete).all())


def cas_possibles(session: Session, candidat, numero: int, aujourd_hui: date) -> list[CasPossible]:
    """The candidat's records that could be the case of part `numero`, eligible first."""
    possibles: list[CasPossible] = []
    richesse: dict = {}   # the fuller record first among the eligible ones
    if numero in (2, 3):
        comptes = _entretiens_par_parcours(session, candidat, ENTRETIEN_PROJET if numero == 3 else None)
        avec_projet = set(session.scalars(select(Projet.parcours_id)))
        tous = session.scalars(select(Parcours).where(Parcours.id.in_(
            _entretiens_par_parcours(session, candidat).keys())).order_by(Parcours.debut.desc())).all()
        for p in tous:
            ok, raisons = eligibilite(numero, entretiens=comptes.get(p.id, 0), projet=p.id in avec_projet)
            richesse[p.id] = comptes.get(p.id, 0)
            etat = "clos" if p.statut.value == "clos" else "en cours"
            possibles.append(CasPossible("parcours", p.id, f"Parcours {p.dispositif_libelle} ouvert en "
                                         f"{mois_annee(p.debut)} ({etat})", ok, raisons))
    elif numero == 4:
        sessions = session.scalars(select(SessionAtelier).options(selectinload(SessionAtelier.atelier))
                                   .where(SessionAtelier.animateur_id == candidat.id)).all()
        tenues = set(session.scalars(select(DemiJournee.session_id).where(DemiJournee.le <= aujourd_hui)))
        for s in sessions:
            ok, raisons = eligibilite(4, animee=s.id in tenues, concu=s.atelier.concepteur_id == candidat.id)
            possibles.append(CasPossible("session_atelier", s.id, f"Atelier « {s.atelier.titre} », session de "
                                         f"{mois_annee(s.debut)}", ok, raisons))
    elif numero == 5:
        for a in session.scalars(select(ActionProspection).where(ActionProspection.pilote_id == candidat.id)
                                 .order_by(ActionProspection.debut.desc())):
            ok, raisons = eligibilite(5, evaluee=a.evaluee_le is not None)
            possibles.append(CasPossible("action_prospection", a.id, f"Action « {a.titre} » "
                                         f"({mois_annee(a.debut)} – {mois_annee(a.fin)})", ok, raisons))
    elif numero == 6:
        for f in session.scalars(select(FicheDePoste).options(selectinload(FicheDePoste.offres))
                                 .where(FicheDePoste.redigee_par_id == candidat.id)
                                 .order_by(FicheDePoste.entretien_le.desc())):
            ok, raisons = eligibilite(6, offres=len(f.offres))
            possibles.append(CasPossible("fiche_de_poste", f.id, f"Fiche de poste « {f.intitule} » "
                                         f"({mois_annee(f.entretien_le)})", ok, raisons))
    elif numero == 7:
        for s in session.scalars(select(SuiviIntegration).where(SuiviIntegration.conseiller_id == candidat.id)
                                 .order_by(SuiviIntegration.debut.desc())):
            ok, raisons = eligibilite(7, cadre=s.cadre_le is not None)
            richesse[s.id] = (s.bilan_le is not None) + len(s.points)
            possibles.append(CasPossible("suivi_integration", s.id, f"Intégration sur un poste de "
                                         f"{s.intitule_poste} ({mois_annee(s.debut)})", ok, raisons))
    return sorted(possibles, key=lambda c: (not c.eligible, -richesse.get(c.objet_id, 0)))


# -- material of each part --------------------------------------------------------------


def _diagnostic(session: Session, personne_id):
    return session.scalar(select(Diagnostic).where(Diagnostic.personne_id == personne_id)
                          .order_by(Diagnostic.numero.desc()).limit(1))


def _parcours(session: Session, refs: list[str], candidat) -> list[Parcours]:
    ids = [i for i in (_uuid(r) for r in refs if r.startswith("parcours:")) if i]
    trouves = {p.id: p for p in session.scalars(select(Parcours).where(Parcours.id.in_(ids)))}
    mes = _entretiens_par_parcours(session, candidat)
    return [trouves[i] for i in ids if i in trouves and i in mes]


def assembler(session: Session, candidat, numero: int, refs: list[str], aujourd_hui: date) -> Assemblage:
    """The blocks and the material of part `numero` for the chosen cases `refs`."""
    a = Assemblage()
    if numero == 1:
        return _partie_1(session, candidat)
    if numero in (2, 3):
        for rang, p in enumerate(_parcours(session, refs, candidat)):
            qui = personnage(p.personne, rang, p.debut)
            diagnostic = _diagnostic(session, p.personne_id)
            if numero == 2:
                a.etendre(accompagnement.partie_2_cas(p, qui, diagnostic, rang))
            else:
                entretiens = [e for e in p.entretiens if e.type_entretien == ENTRETIEN_PROJET]
                plan = session.scalars(select(ActionPlan).where(ActionPlan.parcours_id == p.id)
                                       .order_by(ActionPlan.echeance)).all()
                a.etendre(accompagnement.partie_3_cas(p, qui, diagnostic, entretiens, plan, rang))
        return a
    ident = next((_uuid(r) for r in refs), None)
    if ident is None:
        return a
    if numero == 4:
        s = session.get(SessionAtelier, ident)
        if s is None or s.animateur_id != candidat.id:
            return a
        bilan = session.scalar(select(BilanAtelier).where(BilanAtelier.session_id == s.id))
        inscrits = session.scalar(select(func.count()).select_from(Inscription).where(
            Inscription.session_id == s.id, Inscription.statut == INSCRIT)) or 0
        presents = session.scalar(select(func.count(func.distinct(Presence.inscription_id))).join(
            DemiJournee, DemiJournee.id == Presence.demi_journee_id).where(
            DemiJournee.session_id == s.id, Presence.statut == PRESENT)) or 0
        notes = session.scalars(select(Satisfaction.note).where(Satisfaction.session_id == s.id)).all()
        satisfaction = (f"Satisfaction à chaud : {sum(notes) / len(notes):.1f} sur 5 ({len(notes)} réponses)."
                        .replace(".", ",", 1) if notes else "")
        return actions.partie_4(s.atelier, s, bilan, presents=presents, inscrits=inscrits, satisfaction=satisfaction)
    if numero == 5:
        action = session.get(ActionProspection, ident)
        if action is None or action.pilote_id != candidat.id:
            return a
        realises = prospection.realises(session, action)
        lignes = [(i.code.libelle, i.cible, realises.get(i.code.value, 0)) for i in action.indicateurs]
        cibles = Counter((c.entreprise.secteur, c.entreprise.tranche_effectif.libelle
                          if c.entreprise.tranche_effectif else "") for c in action.cibles)
        return actions.partie_5(action, lignes, [(s, t, n) for (s, t), n in sorted(cibles.items())])
    if numero == 6:
        fiche = session.get(FicheDePoste, ident)
        if fiche is None or fiche.redigee_par_id != candidat.id:
            return a
        e = fiche.entreprise
        employeur = entreprise_generalisee(e.secteur, e.tranche_effectif.libelle if e.tranche_effectif else None)
        etats = session.execute(select(Candidature.etat, func.count()).join(Offre, Offre.id == Candidature.offre_id)
                                .where(Offre.fiche_id == fiche.id).group_by(Candidature.etat)).all()
        return actions.partie_6(fiche, employeur, fiche.contact.role.libelle if fiche.contact else "", fiche.offres,
                                [(etat.libelle, n) for etat, n in etats])
    if numero == 7:
        suivi = session.get(SuiviIntegration, ident)
        if suivi is None or suivi.conseiller_id != candidat.id:
            return a
        e = suivi.entreprise
        employeur = (entreprise_generalisee(e.secteur, e.tranche_effectif.libelle if e.tranche_effectif else None)
                     if e else "une entreprise du territoire")
        return actions.partie_7(suivi, personnage(suivi.personne, 0, suivi.debut), employeur)
    return a


def _partie_1(session: Session, candidat) -> Assemblage:
    """Part 1: the structure and territory profiles come from the territoire module's
    provider (`Module.dossier_sources["partie_1"]`) when one is installed; the partner
    directory and the real orientations are read here."""
    a = Assemblage()
    for source in registre.dossier_sources("partie_1"):
        for bloc, faits in source(session, candidat):
            a.blocs.append(bloc)
            for cle, pieces in faits.items():
                a.faits.setdefault(cle, []).extend(pieces)
    partenaires = session.scalars(select(Partenaire).where(Partenaire.actif.is_(True))
                                  .order_by(Partenaire.type_partenaire, Partenaire.nom)).all()
    orientations = Counter(session.scalars(select(Orientation.partenaire_id).where(
        Orientation.conseiller_id == candidat.id)))
    if partenaires:
        a.blocs.append(Bloc("p1.acteurs", "Les acteurs mobilisables", [
            "Le répertoire opérationnel de la structure recense les partenaires mobilisables ; le nombre "
            "d'orientations que j'ai réalisées vers chacun indique ceux avec qui je travaille le plus."],
            tableau=_tableau_partenaires(partenaires, orientations), regles=("P1.3",)))
        for p in partenaires:
            a.fait("partenaires", Piece(f"{p.nom} ({p.type_partenaire or 'partenaire'})", "partenaire", p.id))
    for partenaire_id, n in orientations.items():
        a.fait("orientations", Piece(f"{n} orientation(s) vers un partenaire du répertoire", "partenaire", partenaire_id))
    return a


def _tableau_partenaires(partenaires, orientations):
    from cipdesk.dossier.brouillon.commun import Tableau

    return Tableau(("Partenaire", "Type", "Domaines", "Mes orientations"), tuple(
        (p.nom, p.type_partenaire or "—", ", ".join(p.domaines or []) or "—", str(orientations.get(p.id, 0)))
        for p in partenaires[:25]), (34, 22, 30, 14))


# -- identifying values of the people the dossier is about (D3) -------------------------------


def _valeurs_personne(p) -> list[tuple[str, str]]:
    valeurs = [(p.nom, "nom"), (p.prenom, "prénom"), (p.nom_usage or "", "nom d'usage"),
               (p.telephone or "", "téléphone"), (p.email or "", "courriel"), (p.adresse or "", "adresse")]
    if p.date_naissance:
        valeurs += [(p.date_naissance.strftime("%d/%m/%Y"), "date de naissance"),
                    (p.date_naissance.isoformat(), "date de naissance")]
    return [(v, n) for v, n in valeurs if v]


def valeurs_identifiantes(session: Session, candidat, cas: dict[int, list[str]]) -> list[tuple[str, str]]:
    """(value, nature) of everyone the chosen cases are about: the people accompanied
    (parts 2, 3, 7), the participants of the atelier (4), the people proposed on the offer
    (6), and the employer's contact and name where they would identify a person (6, 7)."""
    from cipdesk.personnes.models import Personne

    ids: set = set()
    valeurs: list[tuple[str, str]] = []
    for numero, refs in cas.items():
        for ref in refs:
            ident = _uuid(ref)
            if ident is None:
                continue
            if numero in (2, 3):
                p = session.get(Parcours, ident)
                ids |= {p.personne_id} if p else set()
            elif numero == 4:
                ids |= set(session.scalars(select(Inscription.personne_id).where(Inscription.session_id == ident)))
            elif numero == 6:
                fiche = session.get(FicheDePoste, ident)
                if fiche is not None:
                    ids |= set(session.scalars(select(Candidature.personne_id).join(
                        Offre, Offre.id == Candidature.offre_id).where(Offre.fiche_id == fiche.id)))
                    if fiche.contact is not None:
                        valeurs += [(fiche.contact.nom, "nom d'un contact de l'employeur"),
                                    (fiche.contact.telephone or "", "téléphone")]
                    valeurs.append((fiche.entreprise.raison_sociale, "nom de l'employeur"))
            elif numero == 7:
                suivi = session.get(SuiviIntegration, ident)
                if suivi is not None:
                    ids.add(suivi.personne_id)
                    valeurs.append((suivi.employeur, "nom de l'employeur"))
    for personne in session.scalars(select(Personne).where(Personne.id.in_(ids))):
        valeurs += _valeurs_personne(personne)
    return [(v, n) for v, n in dict.fromkeys(valeurs) if v and v.strip()]


def relectures_de_la_partie(session: Session, candidat, numero: int):
    from cipdesk.dossier.models import RelectureDossier

    return session.scalars(select(RelectureDossier).where(
        RelectureDossier.candidat_id == candidat.id, RelectureDossier.numero == numero)
        .order_by(RelectureDossier.demandee_le.desc(), RelectureDossier.created_at.desc())).all()


def relectures_demandees(session: Session, relecteur):
    from cipdesk.dossier.models import RelectureDossier

    return session.scalars(select(RelectureDossier).where(RelectureDossier.relecteur_id == relecteur.id)
                           .order_by(RelectureDossier.commentee_le.is_not(None),
                                     RelectureDossier.demandee_le.desc())).all()


def relecteurs_possibles(session: Session, candidat) -> list:
    """The candidat's tutor and the structure's chefs de service (active)."""
    from cipdesk.comptes.models import Role, Utilisateur

    profil = candidat.profil_candidat
    conditions = Utilisateur.role == Role.CHEF_DE_SERVICE
    if profil is not None and profil.tuteur_id:
        conditions = conditions | (Utilisateur.id == profil.tuteur_id)
    return session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == candidat.structure_id, Utilisateur.actif.is_(True), Utilisateur.id != candidat.id,
        conditions).order_by(Utilisateur.nom, Utilisateur.prenom)).all()
