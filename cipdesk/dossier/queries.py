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
from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.competences import queries as competences
from cipdesk.core.contrat import registre
from cipdesk.dossier.brouillon import accompagnement, actions
from cipdesk.dossier.brouillon.commun import (Assemblage, Bloc, Tableau, entreprise_generalisee, mois_annee,
                                              personnage)
from cipdesk.dossier.models import PartieRedigee
from cipdesk.dossier.rules import CasPossible, Piece, eligibilite
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.offres.models import FicheDePoste, Offre
from cipdesk.employeurs.prospection import queries as prospection
from cipdesk.employeurs.prospection.models import ActionProspection, CibleProspection
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.parcours.projet.models import ActionPlan, Projet
from cipdesk.territoire.partenaires.models import Partenaire

# Codes of other domains' enumerations (their `rules` are theirs: the architecture lets a
# domain read another's models and queries only; the codes are stable, stored values).
ENTRETIEN_PROJET = "projet"
INSCRIT, PRESENT = "inscrit", "present"
_RESULTATS = ("atteint", "partiel", "non_atteint")
_PRESENCES = ("present", "retard", "excuse", "absent")


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


def assembler(session: Session, candidat, numero: int, refs: list[str], aujourd_hui: date,
              aliases: dict | None = None) -> Assemblage:
    """The blocks and the material of part `numero` for the chosen cases `refs`; `aliases`:
    the pseudonymisation table's alias of each person."""
    a = Assemblage()
    if numero == 1:
        return _partie_1(session, candidat)
    if numero in (2, 3):
        for rang, p in enumerate(_parcours(session, refs, candidat)):
            qui = personnage(p.personne, rang, p.debut, aliases)
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
        evaluations = Counter(session.execute(select(EvaluationObjectif.objectif_id, EvaluationObjectif.resultat).join(
            Inscription, Inscription.id == EvaluationObjectif.inscription_id).where(Inscription.session_id == s.id)).all())
        resultats = [(o.capacite, *(evaluations[(o.id, r)] for r in _RESULTATS)) for o in s.atelier.objectifs
                     if any(evaluations[(o.id, r)] for r in _RESULTATS)]
        par_demi = Counter(session.execute(select(Presence.demi_journee_id, Presence.statut).join(
            DemiJournee, DemiJournee.id == Presence.demi_journee_id).where(DemiJournee.session_id == s.id)).all())
        demis = session.scalars(select(DemiJournee).where(DemiJournee.session_id == s.id)
                                .order_by(DemiJournee.le, DemiJournee.debut)).all()
        assiduite = [(f"Demi-journée {n} ({mois_annee(d.le)})", *(par_demi[(d.id, st)] for st in _PRESENCES))
                     for n, d in enumerate(demis, start=1)]
        commentaires = [c for c in (x.commentaire for x in session.scalars(select(Satisfaction).where(
            Satisfaction.session_id == s.id).order_by(Satisfaction.saisi_le))) if (c or "").strip()]
        return actions.partie_4(s.atelier, s, bilan, presents=presents, inscrits=inscrits, satisfaction=satisfaction,
                                resultats=resultats, assiduite=assiduite, commentaires=commentaires)
    if numero == 5:
        # the targeted employers in one query, not one per target
        action = session.get(ActionProspection, ident, options=[
            selectinload(ActionProspection.cibles).selectinload(CibleProspection.entreprise),
            selectinload(ActionProspection.indicateurs)])
        if action is None or action.pilote_id != candidat.id:
            return a
        realises = prospection.realises(session, action)
        lignes = [(i.code.libelle, i.cible, realises.get(i.code.value, 0)) for i in action.indicateurs]
        cibles = Counter((c.entreprise.secteur, c.entreprise.tranche_effectif.libelle
                          if c.entreprise.tranche_effectif else "") for c in action.cibles)
        from cipdesk.employeurs.interactions.models import Interaction

        echanges = [(mois_annee(i.le), entreprise_generalisee(i.entreprise.secteur, i.entreprise.tranche_effectif.libelle
                                                              if i.entreprise.tranche_effectif else None),
                     _libelle(i.nature), i.objet) for i in session.scalars(
            select(Interaction).options(selectinload(Interaction.entreprise)).where(
                Interaction.conseiller_id == candidat.id, Interaction.le >= action.debut, Interaction.le <= action.fin,
                Interaction.entreprise_id.in_([c.entreprise_id for c in action.cibles])).order_by(Interaction.le))]
        return actions.partie_5(action, lignes, [(s, t, n) for (s, t), n in sorted(cibles.items())], echanges)
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
        return actions.partie_7(suivi, personnage(suivi.personne, 0, suivi.debut, aliases), employeur)
    return a


def _partie_1(session: Session, candidat) -> Assemblage:
    """Part 1 (RC §3.1): the structure's profile and the current territory profile (module
    territoire), the partner directory and the candidat's real orientations; other material
    from a `Module.dossier_sources["partie_1"]` provider if one is installed."""
    from cipdesk.territoire.profil.models import VersionTerritoire
    from cipdesk.territoire.structure.models import ProfilStructure

    a = Assemblage()
    profil = session.scalar(select(ProfilStructure).where(ProfilStructure.structure_id == candidat.structure_id))
    if profil is not None and (profil.missions or profil.offre_services or "").strip():
        a.blocs.append(Bloc("p1.structure", "La structure", [x for x in (
            f"Statut : {profil.statut}." if profil.statut else "", f"Missions : {profil.missions}",
            f"Offre de services : {profil.offre_services}", f"Financeurs : {profil.financeurs}",
            f"Public accueilli : {profil.publics}", f"Modalités d'accueil : {profil.modalites_accueil}",
            f"Équipe : {profil.equipe}") if x.split(" : ", 1)[-1].strip(" .")], regles=("P1.1",)))
        a.fait("profil_structure", Piece("Profil de la structure (module Territoire)"))
    version = session.scalar(select(VersionTerritoire).where(VersionTerritoire.structure_id == candidat.structure_id)
                             .order_by(VersionTerritoire.numero.desc()).limit(1))
    if version is not None and (version.forces or version.faiblesses or version.chiffres):
        chiffres = [c for c in (version.chiffres or []) if isinstance(c, dict)]
        a.blocs.append(Bloc("p1.territoire", f"Le territoire : {version.territoire}", [x for x in (
            f"Atouts : {version.forces}" if version.forces else "",
            f"Faiblesses : {version.faiblesses}" if version.faiblesses else "",
            f"Ressources : {version.ressources}" if version.ressources else "") if x],
            Tableau(("Thème", "Indicateur", "Valeur", "Source"), tuple(
                (str(c.get("theme", "")), str(c.get("libelle", "")), f"{c.get('valeur', '')} {c.get('unite', '')}".strip(),
                 f"{c.get('source', '')} {c.get('date_source', '')}".strip()) for c in chiffres[:20]), (18, 40, 16, 26))
            if chiffres else None, regles=("P1.2",)))
        a.fait("profil_territoire", Piece(f"Profil du territoire, version {version.numero} (module Territoire)"))
    for source in registre.dossier_sources("partie_1"):
        for bloc, faits in source(session, candidat):
            a.blocs.append(bloc)
            for cle, pieces in faits.items():
                a.faits.setdefault(cle, []).extend(pieces)
    _veille_et_equipe(session, candidat, a)
    partenaires = session.scalars(select(Partenaire).where(Partenaire.structure_id == candidat.structure_id,
                                                           Partenaire.actif.is_(True))
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


def _veille_et_equipe(session: Session, candidat, a: Assemblage) -> None:
    """CP3: the candidat's own veille fiches (source, date, where each served); CP4: who in the
    team is the reference on what (roles, never colleagues' names)."""
    from cipdesk.territoire.reseau.models import ReferenceEquipe
    from cipdesk.territoire.veille.models import FicheVeille

    fiches = session.scalars(select(FicheVeille).options(selectinload(FicheVeille.liens)).where(
        FicheVeille.structure_id == candidat.structure_id, FicheVeille.auteur_id == candidat.id)
        .order_by(FicheVeille.date_fiche.desc()).limit(12)).all()
    if fiches:
        a.blocs.append(Bloc("p1.veille", "Ma veille informationnelle", [
            "Chaque information utile est consignée dans une fiche de veille datée et sourcée, partagée avec "
            "l'équipe ; la dernière colonne indique combien de fois la fiche a servi dans un accompagnement."],
            Tableau(("Date", "Sujet", "Nature", "Source", "Utilisée"), tuple(
                (mois_annee(f.date_fiche), f.titre, _libelle(f.nature), f.source, str(len(f.liens)))
                for f in fiches), (11, 40, 15, 26, 8)), regles=("P1.2", "P1.3")))
        for f in fiches:
            a.fait("veille", Piece(f"Fiche de veille « {f.titre} »", "fiche_veille", f.id))
    references = session.scalars(select(ReferenceEquipe).options(selectinload(ReferenceEquipe.partenaire)).where(
        ReferenceEquipe.structure_id == candidat.structure_id).order_by(ReferenceEquipe.sujet)).all()
    if references:
        a.blocs.append(Bloc("p1.equipe", "Les ressources internes : qui est référent de quoi dans l'équipe", [
            "Les références de l'équipe permettent d'orienter une question vers la collègue ou le collègue qui "
            "connaît le mieux un dispositif ou un partenaire."], Tableau(
                ("Sujet", "Référent·e", "Ce qu'elle ou il connaît", "Partenaire lié"), tuple(
                    (r.sujet, "moi" if r.utilisateur_id == candidat.id else "une ou un collègue", r.precision or "—",
                     r.partenaire.nom if r.partenaire else "—") for r in references), (26, 16, 34, 24)),
            regles=("P1.3",)))


def _libelle(valeur) -> str:
    return getattr(valeur, "libelle", str(valeur or ""))


def _tableau_partenaires(partenaires, orientations):
    return Tableau(("Partenaire", "Type", "Domaines", "Mes orientations"), tuple(
        (p.nom, p.type_partenaire or "—", ", ".join(p.domaines or []) or "—", str(orientations.get(p.id, 0)))
        for p in partenaires[:25]), (34, 22, 30, 14))


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


def personnes_des_cas(session: Session, cas: dict[int, list[str]]) -> list:
    """The people the chosen cases are about, in the order of the parts (their aliases come
    first: « Mme A. » is the person of part 2)."""
    ids: list = []
    for numero in sorted(cas):
        for ref in cas[numero]:
            ident = _uuid(ref)
            if ident is None:
                continue
            if numero in (2, 3):
                p = session.get(Parcours, ident)
                ids += [p.personne_id] if p else []
            elif numero == 7:
                s = session.get(SuiviIntegration, ident)
                ids += [s.personne_id] if s else []
            elif numero == 4:
                ids += list(session.scalars(select(Inscription.personne_id).where(Inscription.session_id == ident)
                                            .order_by(Inscription.created_at)))
            elif numero == 6:
                ids += list(session.scalars(select(Candidature.personne_id).join(Offre, Offre.id == Candidature.offre_id)
                                            .where(Offre.fiche_id == ident).order_by(Candidature.created_at)))
    return list(dict.fromkeys(ids))


# -- collective VAE (issue #16, point 9) ------------------------------------------------------


def est_rattache(session: Session, accompagnateur, candidat) -> bool:
    from cipdesk.dossier.models import AccompagnementVAE

    return session.scalar(select(AccompagnementVAE.id).where(
        AccompagnementVAE.accompagnateur_id == accompagnateur.id,
        AccompagnementVAE.candidat_id == candidat.id)) is not None


def candidats_suivis(session: Session, accompagnateur) -> list:
    """The candidats attached to an accompagnateur of a collective VAE (their group first)."""
    from cipdesk.dossier.models import AccompagnementVAE

    return session.scalars(select(AccompagnementVAE).options(selectinload(AccompagnementVAE.candidat)).where(
        AccompagnementVAE.accompagnateur_id == accompagnateur.id).order_by(AccompagnementVAE.groupe)).all()


def rattachements(session: Session, structure_id) -> list:
    from cipdesk.dossier.models import AccompagnementVAE

    return session.scalars(select(AccompagnementVAE).options(
        selectinload(AccompagnementVAE.candidat), selectinload(AccompagnementVAE.accompagnateur)).where(
        AccompagnementVAE.structure_id == structure_id).order_by(AccompagnementVAE.groupe)).all()


def candidats_de_la_structure(session: Session, structure_id) -> list:
    from cipdesk.comptes.models import ProfilCandidat, Utilisateur

    return session.scalars(select(Utilisateur).join(ProfilCandidat, ProfilCandidat.utilisateur_id == Utilisateur.id)
                           .where(Utilisateur.structure_id == structure_id, Utilisateur.actif.is_(True))
                           .order_by(Utilisateur.nom, Utilisateur.prenom)).all()


def utilisateurs_actifs(session: Session, structure_id) -> list:
    from cipdesk.comptes.models import Utilisateur

    return session.scalars(select(Utilisateur).where(Utilisateur.structure_id == structure_id,
                                                     Utilisateur.actif.is_(True))
                           .order_by(Utilisateur.nom, Utilisateur.prenom)).all()
