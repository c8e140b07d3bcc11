"""Workload indicators, workload alerts and incidents with the public — read by this
module's pages and by the chef de service's dashboard (issue #15, point 6)."""
from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.comptes.models import Role, Structure, Utilisateur
from cipdesk.parcours.entretiens.models import Entretien
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import STATUTS_ACTIFS, alertes_pour
from cipdesk.pratique.prevention import rules
from cipdesk.pratique.prevention.models import AlerteCharge, IncidentPublic
from cipdesk.security import policy


def charge_de_travail(session: Session, conseiller: Utilisateur, aujourd_hui: date | None = None) -> rules.Charge:
    """A conseiller's workload on `aujourd_hui`: their caseload (people they are the référent
    of, still active) against the structure's norm (setting `norme_file_active`), the
    entretiens they held this week (Monday to Sunday), and the items overdue or to act on in
    their caseload (every module's alerts of gravity « attention » or more: étapes past their
    échéance, people without contact, missed follow-ups…). Four queries plus one per alert provider.
    Without `aujourd_hui`, today in Paris (the one clock, core.dates)."""
    if aujourd_hui is None:
        from cipdesk.core.dates import aujourdhui

        aujourd_hui = aujourdhui()
    actifs = select(Personne.id).where(Personne.structure_id == conseiller.structure_id,
                                       Personne.referent_id == conseiller.id, Personne.statut.in_(STATUTS_ACTIFS))
    file_active = session.scalar(select(func.count()).select_from(actifs.subquery())) or 0
    norme, fixee = rules.norme_de(session.scalar(select(Structure.parametres).where(
        Structure.id == conseiller.structure_id)))
    lundi, dimanche = rules.semaine_de(aujourd_hui)
    entretiens = session.scalar(select(func.count(Entretien.id)).where(
        Entretien.structure_id == conseiller.structure_id, Entretien.conseiller_id == conseiller.id,
        Entretien.le >= lundi, Entretien.le <= dimanche)) or 0
    en_retard = sum(1 for alertes in alertes_pour(session, actifs, aujourd_hui).values()
                    for a in alertes if a.gravite >= 2) if file_active else 0
    return rules.Charge(file_active=file_active, norme=norme, norme_fixee=fixee, entretiens_semaine=entretiens,
                        en_retard=en_retard)


def conseillers_de_l_equipe(session: Session, chef: Utilisateur) -> list[Utilisateur]:
    if chef.equipe_id is None:
        return []
    return list(session.scalars(select(Utilisateur).where(
        Utilisateur.structure_id == chef.structure_id, Utilisateur.equipe_id == chef.equipe_id,
        Utilisateur.role == Role.CONSEILLER, Utilisateur.actif.is_(True)).order_by(Utilisateur.nom, Utilisateur.prenom)))


def charges_de_l_equipe(session: Session, chef: Utilisateur, aujourd_hui: date | None = None
                        ) -> list[tuple[Utilisateur, rules.Charge, list[str]]]:
    """For the chef de service: each conseiller of the team, their indicators and what they
    signal — the same figures as `charge_de_travail`, for the whole team at once: a constant
    number of queries whatever its size (the team, the norm, caseloads grouped by référent,
    entretiens grouped by conseiller, the team's people and référents, one per alert provider)."""
    if aujourd_hui is None:
        from cipdesk.core.dates import aujourdhui

        aujourd_hui = aujourdhui()
    conseillers = conseillers_de_l_equipe(session, chef)
    if not conseillers:
        return []
    ids = [c.id for c in conseillers]
    norme, fixee = rules.norme_de(session.scalar(select(Structure.parametres).where(
        Structure.id == chef.structure_id)))
    actifs = select(Personne.id).where(Personne.structure_id == chef.structure_id, Personne.referent_id.in_(ids),
                                       Personne.statut.in_(STATUTS_ACTIFS))
    referents = dict(session.execute(select(Personne.id, Personne.referent_id).where(
        Personne.structure_id == chef.structure_id, Personne.referent_id.in_(ids),
        Personne.statut.in_(STATUTS_ACTIFS))).all())
    files: dict = defaultdict(int)
    for referent in referents.values():
        files[referent] += 1
    lundi, dimanche = rules.semaine_de(aujourd_hui)
    entretiens = dict(session.execute(
        select(Entretien.conseiller_id, func.count(Entretien.id)).where(
            Entretien.structure_id == chef.structure_id, Entretien.conseiller_id.in_(ids),
            Entretien.le >= lundi, Entretien.le <= dimanche).group_by(Entretien.conseiller_id)).all())
    en_retard: dict = defaultdict(int)
    if referents:
        for personne_id, alertes in alertes_pour(session, actifs, aujourd_hui).items():
            en_retard[referents.get(personne_id)] += sum(1 for a in alertes if a.gravite >= 2)
    lignes = []
    for conseiller in conseillers:
        charge = rules.Charge(file_active=files[conseiller.id], norme=norme, norme_fixee=fixee,
                              entretiens_semaine=entretiens.get(conseiller.id, 0), en_retard=en_retard[conseiller.id])
        lignes.append((conseiller, charge, rules.signaux(charge)))
    return lignes


def alertes_de_charge(session: Session, structure_id: uuid.UUID, *, equipe_id: uuid.UUID | None = None,
                      auteur_id: uuid.UUID | None = None, ouvertes: bool = False) -> list[AlerteCharge]:
    """Workload alerts sent to a chef de service, newest first: of a structure, optionally of
    one team (the chef's dashboard), of one author, or only those not yet acknowledged."""
    requete = select(AlerteCharge).where(AlerteCharge.structure_id == structure_id)
    if equipe_id is not None:
        requete = requete.where(AlerteCharge.equipe_id == equipe_id)
    if auteur_id is not None:
        requete = requete.where(AlerteCharge.auteur_id == auteur_id)
    if ouvertes:
        requete = requete.where(AlerteCharge.prise_en_compte_le.is_(None))
    # the author is shown beside each alert: read with it (no query per alert)
    return list(session.scalars(requete.options(joinedload(AlerteCharge.auteur))
                                .order_by(AlerteCharge.envoyee_le.desc())))


def incidents_visibles(session: Session, lecteur: Utilisateur) -> list[IncidentPublic]:
    """Incidents with the public the reader may see, newest first: a conseiller's own; for a
    chef de service, those of the conseillers of their team (their own too, if any)."""
    requete = select(IncidentPublic).where(IncidentPublic.structure_id == lecteur.structure_id)
    if policy.peut(lecteur, "pratique.prevention_equipe"):
        equipe = select(Utilisateur.id).where(Utilisateur.equipe_id == lecteur.equipe_id,
                                              Utilisateur.structure_id == lecteur.structure_id)
        requete = requete.where(IncidentPublic.auteur_id.in_(equipe) | (IncidentPublic.auteur_id == lecteur.id))
    elif policy.peut(lecteur, "pratique.analyser"):
        requete = requete.where(IncidentPublic.auteur_id == lecteur.id)
    else:
        return []
    return list(session.scalars(requete.options(joinedload(IncidentPublic.auteur))
                                .order_by(IncidentPublic.survenu_le.desc(), IncidentPublic.created_at.desc())))


def chef_de_l_equipe(session: Session, conseiller: Utilisateur) -> Utilisateur | None:
    """The active chef de service of the conseiller's team, if any."""
    if conseiller.equipe_id is None:
        return None
    return session.scalar(select(Utilisateur).where(
        Utilisateur.structure_id == conseiller.structure_id, Utilisateur.equipe_id == conseiller.equipe_id,
        Utilisateur.role == Role.CHEF_DE_SERVICE, Utilisateur.actif.is_(True)).order_by(Utilisateur.nom).limit(1))


def garde_incident(session: Session, utilisateur, incident: IncidentPublic, modifier: bool) -> bool:
    equipe = session.scalar(select(Utilisateur.equipe_id).where(Utilisateur.id == incident.auteur_id))
    if modifier:
        return policy.peut(utilisateur, "pratique.analyser") and incident.auteur_id == utilisateur.id
    return policy.peut_lire_incident(utilisateur, incident, equipe_de_l_auteur=equipe)


def garde_alerte(_session: Session, utilisateur, alerte: AlerteCharge, modifier: bool) -> bool:
    if modifier:
        return policy.peut_traiter_alerte_de_charge(utilisateur, alerte)
    return alerte.auteur_id == utilisateur.id or policy.peut_traiter_alerte_de_charge(utilisateur, alerte)
