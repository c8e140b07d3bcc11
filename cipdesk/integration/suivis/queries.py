"""Intégration follow-ups through the policy's perimeter (access as for the person)."""
from __future__ import annotations

import uuid
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import NamedTuple

from sqlalchemy import (Date, Integer, String, Uuid, and_, bindparam, case, cast, exists, literal, literal_column, null,
                        or_, select, type_coerce, union_all)
from sqlalchemy.orm import Session, aliased, joinedload

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes, SourceDeChronologie
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.integration.mediations.models import Mediation
from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.points.rules import Jalon, manque
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.integration.suivis.rules import StatutSuivi, TypeContrat
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import dans_le_perimetre, perimetre_de  # noqa: F401  (read by routes)
from cipdesk.personnes.queries import personnes_en_cours_du_perimetre as personnes_suivables  # noqa: F401
from cipdesk.security import policy


def entreprises_de_la_structure(session: Session, structure_id) -> list[Entreprise]:
    return list(session.scalars(select(Entreprise).where(Entreprise.structure_id == structure_id)
                                .order_by(Entreprise.raison_sociale).limit(1000)))


class PointAFaire(NamedTuple):
    id: uuid.UUID
    suivi_id: uuid.UUID
    prevu_le: date
    jalon: Jalon
    nom: str
    prenom: str
    employeur: str


class SuiviDuPerimetre(NamedTuple):
    id: uuid.UUID
    nom: str
    prenom: str
    intitule_poste: str
    employeur: str
    debut: date
    statut: StatutSuivi


LIMITE_APERCU = 200


def apercu(session: Session, utilisateur, aujourd_hui: date, *, perimetre=None
           ) -> tuple[list[PointAFaire], list[SuiviDuPerimetre]]:
    """The overview's two lists in ONE statement, with the columns it shows (no ORM object):
    the follow-up points due up to the end of the week, missed ones included (agenda), by date;
    the follow-ups of the user's perimeter, latest first. At most 200 of each."""
    fin = aujourd_hui + timedelta(days=6 - aujourd_hui.weekday())
    lignes = session.execute(_requete_apercu(perimetre or perimetre_de(session, utilisateur)), {"fin": fin}).all()
    a_faire = sorted((PointAFaire(l.point_id, l.suivi_id, l.le, Jalon(l.code), l.nom, l.prenom, l.employeur)
                      for l in lignes if l.liste == 1), key=lambda p: p.prevu_le)
    suivis = sorted((SuiviDuPerimetre(l.suivi_id, l.nom, l.prenom, l.intitule_poste, l.employeur, l.le,
                                      StatutSuivi(l.code)) for l in lignes if l.liste == 2),
                    key=lambda s: s.debut, reverse=True)
    return a_faire, suivis


@lru_cache(maxsize=256)
def _requete_apercu(perimetre):
    """Built once per perimeter, the end of the week a parameter (building it cost as much as
    running it). Two LIMITed selects in a UNION ALL: the enums read as their codes (one column
    for two enums)."""
    condition = perimetre.condition(Personne, Utilisateur)
    S, P = SuiviIntegration, PointSuivi
    points = (select(literal_column("1", Integer).label("liste"), P.id.label("point_id"), P.suivi_id.label("suivi_id"),
                     P.prevu_le.label("le"), type_coerce(P.jalon, String).label("code"), Personne.nom, Personne.prenom,
                     S.employeur, literal_column("''", String).label("intitule_poste"))
              .join(S, S.id == P.suivi_id).join(Personne, Personne.id == S.personne_id)
              .where(condition, S.statut == StatutSuivi.EN_COURS, P.fait_le.is_(None),
                     P.prevu_le <= bindparam("fin", type_=Date))
              .order_by(P.prevu_le).limit(LIMITE_APERCU))
    suivis = (select(literal_column("2", Integer).label("liste"), cast(null(), Uuid).label("point_id"),
                     S.id.label("suivi_id"), S.debut.label("le"), type_coerce(S.statut, String).label("code"),
                     Personne.nom, Personne.prenom, S.employeur, S.intitule_poste)
              .join(Personne, Personne.id == S.personne_id).where(condition)
              .order_by(S.debut.desc()).limit(LIMITE_APERCU))
    return union_all(points.subquery().select(), suivis.subquery().select())


def garde_suivi(session: Session, utilisateur, objet, modifier: bool) -> bool:
    from cipdesk.personnes.queries import garde_personne

    return garde_personne(session, utilisateur, objet.personne, modifier)


def _integration(personne_ids, aujourd_hui: date):
    return (select(PointSuivi.id.label("objet_id"), PointSuivi.jalon.label("texte"), PointSuivi.prevu_le.label("le"),
                   PointSuivi.fait_le.label("le2"), PointSuivi.risque_rupture.label("drapeau"),
                   SuiviIntegration.id.label("autre_id"), SuiviIntegration.personne_id.label("personne_id"),
                   SuiviIntegration.employeur.label("texte2"))
            .join(SuiviIntegration, SuiviIntegration.id == PointSuivi.suivi_id)
            .where(SuiviIntegration.personne_id.in_(personne_ids), SuiviIntegration.statut == StatutSuivi.EN_COURS,
                   # a point still to come is neither missed nor the latest one done
                   or_(PointSuivi.fait_le.is_not(None), PointSuivi.prevu_le < aujourd_hui)))


def _lire_integration(lignes, aujourd_hui: date) -> list[Alerte]:
    alertes, dernier_risque = [], {}
    # by planned date (then by point: the latest point done is one point, whatever the ties)
    for l in sorted(lignes, key=lambda l: (l.le, l.objet_id)):
        jalon, prevu, fait, risque, sid, personne_id, employeur = (Jalon(l.texte), l.le, l.le2, l.drapeau,
                                                                    l.autre_id, l.personne_id, l.texte2)
        if manque(prevu, fait, aujourd_hui):
            alertes.append(Alerte(personne_id, "point_integration_manque",
                                  f"Point de suivi {jalon.libelle} chez {employeur} prévu le {prevu:%d/%m/%Y} "
                                  "non fait", 2, "suivi_integration", sid))
        if fait is not None:
            dernier_risque[sid] = (personne_id, risque, employeur)
    for sid, (personne_id, risque, employeur) in dernier_risque.items():
        if risque:
            alertes.append(Alerte(personne_id, "risque_rupture", f"Risque de rupture signalé chez {employeur} : "
                                  "envisager une médiation", 3, "suivi_integration", sid))
    return alertes


def _classer_integration(personne_ids, aujourd_hui: date, reglages: dict):
    # one pass over the points of the follow-ups: a missed point (2), or the risk raised at the latest
    # point done of the follow-up (3; latest by planned date, then by point, as the reading)
    plus_recent = aliased(PointSuivi)
    manque = and_(PointSuivi.fait_le.is_(None), PointSuivi.prevu_le < aujourd_hui)
    risque = and_(PointSuivi.fait_le.is_not(None), PointSuivi.risque_rupture.is_(True),
                  ~exists().where(plus_recent.suivi_id == PointSuivi.suivi_id, plus_recent.fait_le.is_not(None),
                                  or_(plus_recent.prevu_le > PointSuivi.prevu_le,
                                      and_(plus_recent.prevu_le == PointSuivi.prevu_le, plus_recent.id > PointSuivi.id))))
    return (select(SuiviIntegration.personne_id.label("personne_id"),
                   case((manque, literal(2)), else_=literal(3)).label("gravite"))
            .join(PointSuivi, PointSuivi.suivi_id == SuiviIntegration.id)
            .where(SuiviIntegration.personne_id.in_(personne_ids), SuiviIntegration.statut == StatutSuivi.EN_COURS,
                   or_(manque, risque)))


# A missed follow-up (planned date passed, not done) and a raised risk of rupture.
alertes_integration = SourceDAlertes(_integration, _lire_integration, _classer_integration)


def _integration_de(personne_id, lecteur_id):  # noqa: ARG001
    """Three parts: the follow-ups (hiring and, when written, the bilan), their points done, their mediations."""
    S = SuiviIntegration
    suivis = select(literal_column("1", Integer).label("n"), S.id.label("objet_id"), S.debut.label("le"),
                    S.created_at.label("saisi"), S.employeur.label("texte"), S.intitule_poste.label("texte2"),
                    S.type_contrat.label("texte3"), S.bilan_le.label("le2"), S.updated_at.label("saisi2"),
                    S.statut.label("texte4")).where(S.personne_id == personne_id)
    points = select(literal_column("2", Integer).label("n"), S.id.label("objet_id"), PointSuivi.fait_le.label("le"),
                    PointSuivi.updated_at.label("saisi"), S.employeur.label("texte"), PointSuivi.jalon.label("texte2"),
                    PointSuivi.risque_rupture.label("drapeau")) \
        .join(S, S.id == PointSuivi.suivi_id).where(S.personne_id == personne_id, PointSuivi.fait_le.is_not(None))
    mediations = select(literal_column("3", Integer).label("n"), S.id.label("objet_id"), Mediation.le.label("le"),
                        Mediation.created_at.label("saisi"), S.employeur.label("texte")) \
        .join(S, S.id == Mediation.suivi_id).where(S.personne_id == personne_id)
    return suivis, points, mediations


def _lire_integration_de(lignes, session, lecteur) -> list[Evenement]:
    evenements = []
    for r in lignes:
        params = (("suivi_id", r.objet_id),)
        if r.n == 1:
            evenements.append(Evenement(r.le, r.saisi, "suivi_integration", f"Embauche : {r.texte2} chez {r.texte}",
                                        TypeContrat(r.texte3).libelle, "integration.suivis.voir", params))
            if r.le2:
                evenements.append(Evenement(r.le2, r.saisi2, "bilan_integration",
                                            f"Bilan de l'intégration chez {r.texte}", StatutSuivi(r.texte4).libelle,
                                            "integration.suivis.voir", params))
        elif r.n == 2:
            evenements.append(Evenement(r.le, r.saisi, "point_integration",
                                        f"Point de suivi {Jalon(r.texte2).libelle} chez {r.texte}",
                                        "Risque de rupture signalé" if r.drapeau else "",
                                        "integration.suivis.voir", params, alerte=bool(r.drapeau)))
        else:
            evenements.append(Evenement(r.le, r.saisi, "mediation_integration", f"Médiation avec {r.texte}", "",
                                        "integration.suivis.voir", params))
    return evenements


# The person's hirings, their points done, mediations and bilans (a part of the person's one timeline statement).
chronologie_integration = SourceDeChronologie(_integration_de, _lire_integration_de)


def suivi_complet(session: Session, suivi_id) -> SuiviIntegration | None:
    """The follow-up with everything its page shows (the person, its points, its mediations)
    in ONE query: the collections are small (a calendar of ~5 points, a few mediations)."""
    return session.scalars(_requete_suivi_complet(), {"suivi_id": suivi_id}).unique().one_or_none()


@cache
def _requete_suivi_complet():
    # Built once (its three loader options cost more to build than the statement to run).
    return select(SuiviIntegration).where(SuiviIntegration.id == bindparam("suivi_id", type_=Uuid)).options(
        joinedload(SuiviIntegration.personne), joinedload(SuiviIntegration.points),
        joinedload(SuiviIntegration.mediations))


def suivis_apres_sortie(session: Session, personne_id) -> tuple[date | None, set[int]]:
    """(exit date of the person's latest closed parcours, months of its follow-ups already
    recorded): what an M+3 / M+6 follow-up may still fill (issue #14 point 6). One query."""
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.sortie.models import Sortie, SuiviSortie

    derniere = (select(Sortie.id).join(Parcours, Parcours.id == Sortie.parcours_id)
                .where(Parcours.personne_id == personne_id).order_by(Sortie.sortie_le.desc()).limit(1)
                .scalar_subquery())
    lignes = session.execute(select(Sortie.sortie_le, SuiviSortie.mois)
                             .outerjoin(SuiviSortie, SuiviSortie.sortie_id == Sortie.id)
                             .where(Sortie.id == derniere)).all()
    if not lignes:
        return None, set()
    return lignes[0].sortie_le, {mois for _le, mois in lignes if mois is not None}


def agenda_integration(session: Session, utilisateur, du: date, au: date) -> list:
    """The agenda hook (issue #14 point 3): the follow-ups this conseiller conducts between
    the two dates, and those missed before (planned date passed, not done)."""
    from cipdesk.core.contrat import RendezVous

    if not policy.peut(utilisateur, "integration.ouvrir"):
        return []
    lignes = session.execute(
        select(PointSuivi.id, PointSuivi.jalon, PointSuivi.prevu_le, SuiviIntegration.id, SuiviIntegration.employeur,
               Personne.nom, Personne.prenom)
        .join(SuiviIntegration, SuiviIntegration.id == PointSuivi.suivi_id)
        .join(Personne, Personne.id == SuiviIntegration.personne_id)
        .where(SuiviIntegration.conseiller_id == utilisateur.id, SuiviIntegration.structure_id == utilisateur.structure_id,
               SuiviIntegration.statut == StatutSuivi.EN_COURS, PointSuivi.fait_le.is_(None),
               PointSuivi.prevu_le <= au)
        .order_by(PointSuivi.prevu_le).limit(100)).all()
    return [RendezVous(prevu, f"Point de suivi {jalon.libelle} — {prenom} {nom}, {employeur}", "point_integration",
                       "integration.suivis.voir", (("suivi_id", sid),), en_retard=manque(prevu, None, du))
            for _pid, jalon, prevu, sid, employeur, nom, prenom in lignes]


def mediations_de_l_entreprise(session: Session, entreprise, lecteur) -> list[Evenement]:
    """The entreprise's timeline hook (issue #14 point 4): the mediations held with this
    employer. The person is named only to those who may see that person; to the others,
    the mediation is shown without who it concerned."""
    from cipdesk.integration.mediations.models import Mediation

    condition = perimetre_de(session, lecteur).condition(Personne, Utilisateur)
    visibles = set(session.scalars(select(Personne.id).join(SuiviIntegration, SuiviIntegration.personne_id == Personne.id)
                                   .where(SuiviIntegration.entreprise_id == entreprise.id, condition)))
    lignes = session.execute(
        select(Mediation.le, Mediation.created_at, SuiviIntegration.id, SuiviIntegration.personne_id,
               SuiviIntegration.intitule_poste, Personne.nom, Personne.prenom)
        .join(SuiviIntegration, SuiviIntegration.id == Mediation.suivi_id)
        .join(Personne, Personne.id == SuiviIntegration.personne_id)
        .where(SuiviIntegration.entreprise_id == entreprise.id, SuiviIntegration.structure_id == entreprise.structure_id)
        .order_by(Mediation.le.desc())).all()
    evenements = []
    for le, cree, sid, pid, poste, nom, prenom in lignes:
        if pid in visibles:
            evenements.append(Evenement(le, cree, "mediation_integration", f"Médiation — intégration de {prenom} {nom}",
                                        poste, "integration.suivis.voir", (("suivi_id", sid),)))
        else:
            evenements.append(Evenement(le, cree, "mediation_integration", "Médiation dans le cadre d'un suivi "
                                        "d'intégration", poste))
    return evenements
