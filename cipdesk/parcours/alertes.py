"""Alert providers of the parcours module (issue 4, §7). Each answers for ALL
the ids in ONE query (declared in parcours/module.py)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from cipdesk.core.contrat import Alerte
from cipdesk.comptes.models import Structure
from cipdesk.parcours.contrat import rules
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.rules import StatutParcours
from cipdesk.parcours.etapes.models import Etape
from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS
from cipdesk.personnes.models import Personne

PARAMETRE_JOURS_SANS_CONTACT = "jours_sans_contact"


def etapes_en_retard(session: Session, personne_ids, aujourd_hui: date) -> list[Alerte]:
    """Étapes still open whose échéance has passed (one alert per person, with the count)."""
    lignes = session.execute(
        select(Parcours.personne_id, Parcours.id, func.count(Etape.id), func.min(Etape.echeance))
        .join(Etape, Etape.parcours_id == Parcours.id)
        .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
               Etape.statut.in_(STATUTS_OUVERTS), Etape.echeance < aujourd_hui)
        .group_by(Parcours.personne_id, Parcours.id)).all()
    return [Alerte(personne_id=pid, code="etape_en_retard", gravite=2, objet_type="parcours", objet_id=parcours_id,
                   libelle=(f"{n} étape(s) en retard (échéance dépassée depuis le {plus_ancienne:%d/%m/%Y})"),
                   endpoint="parcours.contrat.voir", params=(("parcours_id", parcours_id), ("_anchor", "etapes")))
            for pid, parcours_id, n, plus_ancienne in lignes]


def sans_contact(session: Session, personne_ids, aujourd_hui: date) -> list[Alerte]:
    """No contact for more than N days (structure setting `jours_sans_contact`,
    default 30) with a person whose parcours is open."""
    lignes = session.execute(
        select(Personne.id, Personne.dernier_contact_le, Parcours.debut, Parcours.id, Structure.parametres)
        .join(Parcours, and_(Parcours.personne_id == Personne.id, Parcours.statut == StatutParcours.OUVERT))
        .join(Structure, Structure.id == Personne.structure_id)
        .where(Personne.id.in_(personne_ids))).all()
    alertes = []
    for pid, dernier, debut, parcours_id, parametres in lignes:
        seuil = int((parametres or {}).get(PARAMETRE_JOURS_SANS_CONTACT) or rules.JOURS_SANS_CONTACT_DEFAUT)
        jours = rules.jours_sans_contact(dernier or debut, aujourd_hui)
        if jours is not None and jours > seuil:
            alertes.append(Alerte(personne_id=pid, code="sans_contact", gravite=2, objet_type="parcours",
                                  objet_id=parcours_id,
                                  libelle=f"Sans contact depuis {jours} jours (seuil : {seuil})",
                                  # the person to contact: their page shows how to reach them
                                  endpoint="personnes.voir", params=(("personne_id", pid),)))
    return alertes


def fin_de_contrat(session: Session, personne_ids, aujourd_hui: date) -> list[Alerte]:
    """Contract ending within 30 days (or already past its planned end)."""
    lignes = session.execute(
        select(Parcours.personne_id, Parcours.id, Parcours.fin_prevue)
        .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
               Parcours.fin_prevue <= aujourd_hui + timedelta(days=rules.JOURS_FIN_CONTRAT))).all()
    alertes = []
    for pid, parcours_id, fin in lignes:
        if fin < aujourd_hui:
            alertes.append(Alerte(personne_id=pid, code="contrat_echu", gravite=3, objet_type="parcours",
                                  objet_id=parcours_id,
                                  libelle=f"Contrat arrivé à échéance le {fin:%d/%m/%Y} : renouveler ou clore",
                                  endpoint="parcours.contrat.voir",
                                  params=(("parcours_id", parcours_id), ("_anchor", "contrat"))))
        else:
            alertes.append(Alerte(personne_id=pid, code="fin_de_contrat", gravite=2, objet_type="parcours",
                                  objet_id=parcours_id, libelle=f"Fin du contrat le {fin:%d/%m/%Y}",
                                  endpoint="parcours.contrat.voir",
                                  params=(("parcours_id", parcours_id), ("_anchor", "contrat"))))
    return alertes
