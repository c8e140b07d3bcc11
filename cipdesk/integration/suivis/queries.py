"""Intégration follow-ups through the policy's perimeter (access as for the person)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, case, exists, literal, or_, select
from sqlalchemy.orm import Session, aliased, joinedload

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.points.rules import Jalon, manque
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.integration.suivis.rules import StatutSuivi
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import dans_le_perimetre, perimetre_de  # noqa: F401  (read by routes)
from cipdesk.personnes.queries import personnes_en_cours_du_perimetre as personnes_suivables  # noqa: F401
from cipdesk.security import policy


def entreprises_de_la_structure(session: Session, structure_id) -> list[Entreprise]:
    return list(session.scalars(select(Entreprise).where(Entreprise.structure_id == structure_id)
                                .order_by(Entreprise.raison_sociale).limit(1000)))


def suivis_visibles(session: Session, utilisateur, *, perimetre=None) -> list:
    """The follow-ups of the user's perimeter, latest first (at most 200): the columns the
    overview shows (id, the person's name, job, employer, start, status), no ORM object."""
    condition = (perimetre or perimetre_de(session, utilisateur)).condition(Personne, Utilisateur)
    return session.execute(
        select(SuiviIntegration.id, Personne.nom, Personne.prenom, SuiviIntegration.intitule_poste,
               SuiviIntegration.employeur, SuiviIntegration.debut, SuiviIntegration.statut)
        .join(Personne, Personne.id == SuiviIntegration.personne_id).where(condition)
        .order_by(SuiviIntegration.debut.desc()).limit(200)).all()


def points_de_la_semaine(session: Session, utilisateur, aujourd_hui: date, *, perimetre=None) -> list:
    """The follow-ups due up to the end of the week, missed ones included (agenda): the columns
    the overview shows (point, follow-up, the person's name, employer), no ORM object."""
    condition = (perimetre or perimetre_de(session, utilisateur)).condition(Personne, Utilisateur)
    fin = aujourd_hui + timedelta(days=6 - aujourd_hui.weekday())
    return session.execute(
        select(PointSuivi.id, PointSuivi.suivi_id, PointSuivi.prevu_le, PointSuivi.jalon, Personne.nom,
               Personne.prenom, SuiviIntegration.employeur)
        .join(SuiviIntegration, SuiviIntegration.id == PointSuivi.suivi_id)
        .join(Personne, Personne.id == SuiviIntegration.personne_id)
        .where(condition, SuiviIntegration.statut == StatutSuivi.EN_COURS, PointSuivi.fait_le.is_(None),
               PointSuivi.prevu_le <= fin)
        .order_by(PointSuivi.prevu_le).limit(200)).all()


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


def chronologie_integration(session: Session, personne, lecteur) -> list[Evenement]:
    suivis = session.scalars(select(SuiviIntegration).where(SuiviIntegration.personne_id == personne.id)
                             .options(joinedload(SuiviIntegration.points)))
    evenements = []
    for s in suivis.unique():
        params = (("suivi_id", s.id),)
        evenements.append(Evenement(s.debut, s.created_at, "suivi_integration",
                                    f"Embauche : {s.intitule_poste} chez {s.employeur}",
                                    s.type_contrat.libelle, "integration.suivis.voir", params))
        for p in s.points:
            if p.fait_le:
                evenements.append(Evenement(p.fait_le, p.updated_at, "point_integration",
                                            f"Point de suivi {p.jalon.libelle} chez {s.employeur}",
                                            "Risque de rupture signalé" if p.risque_rupture else "",
                                            "integration.suivis.voir", params, alerte=p.risque_rupture))
        for md in s.mediations:
            evenements.append(Evenement(md.le, md.created_at, "mediation_integration",
                                        f"Médiation avec {s.employeur}", "", "integration.suivis.voir", params))
        if s.bilan_le:
            evenements.append(Evenement(s.bilan_le, s.updated_at, "bilan_integration",
                                        f"Bilan de l'intégration chez {s.employeur}", s.statut.libelle,
                                        "integration.suivis.voir", params))
    return evenements


def suivi_complet(session: Session, suivi_id) -> SuiviIntegration | None:
    """The follow-up with everything its page shows (the person, its points, its mediations)
    in ONE query: the collections are small (a calendar of ~5 points, a few mediations)."""
    return session.scalars(select(SuiviIntegration).where(SuiviIntegration.id == suivi_id).options(
        joinedload(SuiviIntegration.personne), joinedload(SuiviIntegration.points),
        joinedload(SuiviIntegration.mediations))).unique().one_or_none()


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
