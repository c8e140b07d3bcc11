"""Matching offer ↔ person within the user's access rules (issue #13 point 6), ranked with
the reasons of each rank (rules.evaluer): the people for an offer, and the offers for a
person. Cross-domain reads are models only (parcours owns projets and métiers, accueil the
diagnostic); a bounded number of queries whatever the number of people."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.accueil.diagnostic.models import Diagnostic, DiagnosticDimension
from cipdesk.comptes.models import Utilisateur
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.offres.models import FicheDePoste, Offre
from cipdesk.employeurs.offres.rules import StatutOffre
from cipdesk.employeurs.profils import rules
from cipdesk.employeurs.profils.models import ProfilEmploi
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.projet.models import MetierExplore, Projet
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.personnes.queries import perimetre_de as _perimetre

LIMITE = 100


@dataclass(frozen=True)
class Rapprochement:
    personne: Personne   # or a row with its id, nom, prenom, code_postal, commune
    resultat: rules.Resultat

    @property
    def raisons(self) -> list[str]:
        return self.resultat.raisons


@dataclass(frozen=True)
class OffrePourPersonne:
    offre: Offre
    resultat: rules.Resultat


def exigences_de(offre: Offre) -> rules.Exigences:
    fiche = offre.fiche
    return rules.Exigences(rome_code=fiche.rome_code or "", permis=frozenset(fiche.permis_requis or ()),
                           horaires=frozenset(fiche.horaires_atypiques or ()),
                           code_postal=offre.entreprise.code_postal, commune=offre.entreprise.commune)


def _metiers(session: Session, personne_ids) -> dict:
    ouvert = Parcours.statut.type.enum_class("ouvert")
    lignes = session.execute(
        select(Parcours.personne_id, MetierExplore.rome_code, MetierExplore.libelle, Projet.valide_le,
               MetierExplore.faisabilite)
        .join(Projet, Projet.parcours_id == Parcours.id).join(MetierExplore, MetierExplore.projet_id == Projet.id)
        .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == ouvert, MetierExplore.rome_code != ""))
    metiers: dict = {}
    for pid, code, libelle, valide_le, faisabilite in lignes:
        metiers.setdefault(pid, []).append((code, libelle or code, valide_le is not None,
                                            getattr(faisabilite, "value", faisabilite)))
    return metiers


def _freins(session: Session, personne_ids) -> dict:
    """The open freins (level 2–3) of each person's latest diagnostic."""
    lignes = session.execute(
        select(Diagnostic.personne_id, Diagnostic.numero, DiagnosticDimension.dimension_code,
               DiagnosticDimension.dimension_libelle, DiagnosticDimension.frein_niveau)
        .join(DiagnosticDimension, DiagnosticDimension.diagnostic_id == Diagnostic.id)
        .where(Diagnostic.personne_id.in_(personne_ids)))
    derniers: dict = {}
    for pid, numero, code, libelle, niveau in lignes:
        n, freins = derniers.get(pid, (-1, []))
        if numero > n:
            n, freins = numero, []
        if numero == n and niveau >= 2:
            freins.append((code, libelle, niveau))
        derniers[pid] = (n, freins)
    return {pid: tuple(f) for pid, (_n, f) in derniers.items()}


def _situations(session: Session, personnes: list, profils: dict | None = None, metiers: dict | None = None,
                freins: dict | None = None) -> dict:
    """`personnes`: objects with id, code_postal and commune; `profils` (objects with the
    profile's attributes), `metiers` and `freins` by person when the caller read them already
    (with the people, in one query)."""
    ids = [p.id for p in personnes]
    if not ids:
        return {}
    metiers = _metiers(session, ids) if metiers is None else metiers
    freins = _freins(session, ids) if freins is None else freins
    if profils is None:
        profils = {p.personne_id: p for p in session.scalars(select(ProfilEmploi).where(
            ProfilEmploi.personne_id.in_(ids)))}
    situations = {}
    for p in personnes:
        profil = profils.get(p.id)
        situations[p.id] = rules.Situation(
            metiers=tuple(metiers.get(p.id, ())), code_postal=p.code_postal, commune=p.commune,
            disponible_le=profil.disponible_le if profil else None,
            permis=frozenset(profil.permis or ()) if profil else None,
            vehicule=profil.vehicule if profil else None,
            zone=profil.zone_mobilite.value if profil and profil.zone_mobilite else None,
            contraintes=frozenset(profil.contraintes_horaires or ()) if profil else frozenset(),
            freins=freins.get(p.id, ()))
    return situations


def rapprochement(session: Session, utilisateur, offre: Offre, aujourd_hui: date, *,
                  perimetre=None) -> list[Rapprochement]:
    """The people of the user's perimeter (open parcours) whose projet aims at the offer's
    ROME métier or its professional domain, not yet candidates, ranked with their reasons.
    One query whatever the number of people (the people with their profile, their métiers and
    their freins); `perimetre` when the caller has it."""
    personnes, situations = candidats_au_rapprochement(session, utilisateur, offre, perimetre=perimetre)
    exigences = exigences_de(offre) if personnes else None
    resultats = [Rapprochement(p, rules.evaluer(exigences, situations[p.id], aujourd_hui)) for p in personnes]
    return sorted((r for r in resultats if r.resultat.retenu),
                  key=lambda r: (r.resultat.rang, r.personne.nom, r.personne.prenom))


def candidats_au_rapprochement(session: Session, utilisateur, offre: Offre, *, perimetre=None) -> tuple[list, dict]:
    """`rapprochement`'s reads: the people it evaluates (rows: id, nom, prenom, code_postal,
    commune…, at most LIMITE) and their situation by id (also what bench/tableau.py's floor of
    the offer's page is checked against)."""
    rome = (offre.fiche.rome_code or "").upper()
    if not rome:
        return [], {}
    ouvert = Parcours.statut.type.enum_class("ouvert")
    condition = (perimetre or _perimetre(session, utilisateur)).condition(Personne, Utilisateur)
    deja = select(Candidature.personne_id).where(Candidature.offre_id == offre.id)
    # Ids first (DISTINCT on ids: PostgreSQL cannot compare the person's JSON columns), then the people.
    ids = (select(Personne.id).join(Parcours, Parcours.personne_id == Personne.id)
           .join(Projet, Projet.parcours_id == Parcours.id).join(MetierExplore, MetierExplore.projet_id == Projet.id)
           .where(condition, Parcours.statut == ouvert, MetierExplore.rome_code.startswith(rome[:3]),
                  Personne.id.not_in(deja), Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
           .distinct().limit(LIMITE))
    # Only the columns the page and the rules read (no ORM object), in ONE query: the profile, the
    # métiers of the open parcours (each of these people has one at least) and the open freins
    # (level 2–3) of the latest diagnostic joined — one row per métier and frein, a few per person.
    dernier_diagnostic = (select(Diagnostic.id).where(Diagnostic.personne_id == Personne.id)
                          .order_by(Diagnostic.numero.desc()).limit(1).scalar_subquery())
    lignes = session.execute(
        select(Personne.id, Personne.nom, Personne.prenom, Personne.code_postal, Personne.commune,
               ProfilEmploi.personne_id.label("profil"), ProfilEmploi.disponible_le, ProfilEmploi.permis,
               ProfilEmploi.vehicule, ProfilEmploi.zone_mobilite, ProfilEmploi.contraintes_horaires,
               MetierExplore.id.label("metier_id"), MetierExplore.rome_code, MetierExplore.libelle, Projet.valide_le,
               MetierExplore.faisabilite, DiagnosticDimension.id.label("frein_id"), DiagnosticDimension.dimension_code,
               DiagnosticDimension.dimension_libelle, DiagnosticDimension.frein_niveau)
        .outerjoin(ProfilEmploi, ProfilEmploi.personne_id == Personne.id)
        .join(Parcours, Parcours.personne_id == Personne.id).join(Projet, Projet.parcours_id == Parcours.id)
        .join(MetierExplore, MetierExplore.projet_id == Projet.id)
        .outerjoin(DiagnosticDimension, (DiagnosticDimension.diagnostic_id == dernier_diagnostic)
                   & (DiagnosticDimension.frein_niveau >= 2))
        .where(Personne.id.in_(ids), Parcours.statut == ouvert, MetierExplore.rome_code != "")).all()
    personnes, profils, metiers, freins = {}, {}, {}, {}
    for l in lignes:
        if l.id not in personnes:
            personnes[l.id] = l
            metiers[l.id], freins[l.id] = {}, {}
            if l.profil is not None:
                profils[l.id] = l
        metiers[l.id][l.metier_id] = (l.rome_code, l.libelle or l.rome_code, l.valide_le is not None,
                                      getattr(l.faisabilite, "value", l.faisabilite))
        if l.frein_id is not None:
            freins[l.id][l.frein_id] = (l.dimension_code, l.dimension_libelle, l.frein_niveau)
    personnes = list(personnes.values())
    situations = _situations(session, personnes, profils=profils,
                             metiers={i: list(m.values()) for i, m in metiers.items()},
                             freins={i: tuple(f.values()) for i, f in freins.items()})
    return personnes, situations




def offres_pour(session: Session, personne: Personne, aujourd_hui: date) -> list[OffrePourPersonne]:
    """The offers in progress of the person's structure that fit the person's projet, ranked
    with their reasons (the reverse matching). The caller has checked access to the person."""
    situation = _situations(session, [personne])[personne.id]
    domaines = {m[0].upper()[:3] for m in situation.metiers if m[0]}
    if not domaines:
        return []
    offres = session.scalars(
        select(Offre).join(FicheDePoste, FicheDePoste.id == Offre.fiche_id)
        .where(Offre.structure_id == personne.structure_id,
               Offre.statut.in_((StatutOffre.BROUILLON, StatutOffre.PUBLIEE)),
               or_(*(FicheDePoste.rome_code.startswith(d) for d in sorted(domaines))))
        .options(joinedload(Offre.fiche), joinedload(Offre.entreprise)).limit(500)).unique()
    resultats = []
    for offre in offres:
        r = rules.evaluer(exigences_de(offre), situation, aujourd_hui)
        if r.retenu:
            resultats.append(OffrePourPersonne(offre, r))
    return sorted(resultats, key=lambda o: (o.resultat.rang, o.offre.intitule))
