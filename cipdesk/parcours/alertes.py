"""Alert providers of the parcours module (issue 4, §7). Each answers for ALL
the ids in ONE query (declared in parcours/module.py)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, case, func, literal, or_, select

from cipdesk.core.contrat import Alerte, SourceDAlertes
from cipdesk.comptes.models import Structure
from cipdesk.parcours.contrat import rules
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.contrat.rules import StatutParcours
from cipdesk.parcours.etapes.models import Etape
from cipdesk.parcours.etapes.rules import STATUTS_OUVERTS
from cipdesk.personnes.models import Personne

PARAMETRE_JOURS_SANS_CONTACT = "jours_sans_contact"


# Each provider is a SourceDAlertes (core/alertes.py): its select over the ids, and the reading
# of its rows, so that the home page runs every module's providers in one statement.
def _etapes_en_retard(personne_ids, aujourd_hui: date):
    return (select(Parcours.personne_id.label("personne_id"), Parcours.id.label("objet_id"),
                   func.count(Etape.id).label("n"), func.min(Etape.echeance).label("le"))
            .join(Etape, Etape.parcours_id == Parcours.id)
            .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
                   Etape.statut.in_(STATUTS_OUVERTS), Etape.echeance < aujourd_hui)
            .group_by(Parcours.personne_id, Parcours.id))


def _lire_etapes_en_retard(lignes, aujourd_hui: date) -> list[Alerte]:
    return [Alerte(personne_id=l.personne_id, code="etape_en_retard", gravite=2, objet_type="parcours",
                   objet_id=l.objet_id,
                   libelle=(f"{l.n} étape(s) en retard (échéance dépassée depuis le {l.le:%d/%m/%Y})"),
                   endpoint="parcours.contrat.voir", params=(("parcours_id", l.objet_id), ("_anchor", "etapes")))
            for l in lignes]


def _classer_etapes_en_retard(personne_ids, aujourd_hui: date, reglages: dict):
    return (select(Parcours.personne_id.label("personne_id"), literal(2).label("gravite"))
            .join(Etape, Etape.parcours_id == Parcours.id)
            .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
                   Etape.statut.in_(STATUTS_OUVERTS), Etape.echeance < aujourd_hui))


# Étapes still open whose échéance has passed (one alert per parcours, with the count).
etapes_en_retard = SourceDAlertes(_etapes_en_retard, _lire_etapes_en_retard, _classer_etapes_en_retard)


def _sans_contact(personne_ids, aujourd_hui: date):
    return (select(Personne.id.label("personne_id"), Personne.dernier_contact_le.label("le"),
                   Parcours.debut.label("le2"), Parcours.id.label("objet_id"),
                   Structure.parametres[PARAMETRE_JOURS_SANS_CONTACT].label("reglage"))
            .join(Parcours, and_(Parcours.personne_id == Personne.id, Parcours.statut == StatutParcours.OUVERT))
            .join(Structure, Structure.id == Personne.structure_id)
            .where(Personne.id.in_(personne_ids),
                   # without a setting (the usual case) the default threshold in SQL: only who is
                   # alerted is read; with one, the rule below decides
                   or_(Structure.parametres[PARAMETRE_JOURS_SANS_CONTACT].as_string().is_not(None),
                       func.coalesce(Personne.dernier_contact_le, Parcours.debut)
                       < aujourd_hui - timedelta(days=rules.JOURS_SANS_CONTACT_DEFAUT))))


def _lire_sans_contact(lignes, aujourd_hui: date) -> list[Alerte]:
    alertes = []
    for l in lignes:
        pid, parcours_id = l.personne_id, l.objet_id
        seuil = int(l.reglage or rules.JOURS_SANS_CONTACT_DEFAUT)
        jours = rules.jours_sans_contact(l.le or l.le2, aujourd_hui)
        if jours is not None and jours > seuil:
            alertes.append(Alerte(personne_id=pid, code="sans_contact", gravite=2, objet_type="parcours",
                                  objet_id=parcours_id,
                                  libelle=f"Sans contact depuis {jours} jours (seuil : {seuil})",
                                  # the person to contact: their page shows how to reach them
                                  endpoint="personnes.voir", params=(("personne_id", pid),)))
    return alertes


def _classer_sans_contact(personne_ids, aujourd_hui: date, reglages: dict):
    # the reading's threshold (`int(setting or default)`), days > threshold
    seuil = int(reglages.get(PARAMETRE_JOURS_SANS_CONTACT) or rules.JOURS_SANS_CONTACT_DEFAUT)
    # from the open parcours of the ids (a person is read only when a parcours is open)
    return (select(Parcours.personne_id.label("personne_id"), literal(2).label("gravite"))
            .join(Personne, Personne.id == Parcours.personne_id)
            .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
                   func.coalesce(Personne.dernier_contact_le, Parcours.debut) < aujourd_hui - timedelta(days=seuil)))


# No contact for more than N days (structure setting `jours_sans_contact`, default 30) with a
# person whose parcours is open.
sans_contact = SourceDAlertes(_sans_contact, _lire_sans_contact, _classer_sans_contact)


def _fin_de_contrat(personne_ids, aujourd_hui: date):
    return (select(Parcours.personne_id.label("personne_id"), Parcours.id.label("objet_id"),
                   Parcours.fin_prevue.label("le"))
            .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
                   Parcours.fin_prevue <= aujourd_hui + timedelta(days=rules.JOURS_FIN_CONTRAT)))


def _lire_fin_de_contrat(lignes, aujourd_hui: date) -> list[Alerte]:
    alertes = []
    for l in lignes:
        pid, parcours_id, fin = l.personne_id, l.objet_id, l.le
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


def _classer_fin_de_contrat(personne_ids, aujourd_hui: date, reglages: dict):
    return (select(Parcours.personne_id.label("personne_id"),
                   case((Parcours.fin_prevue < aujourd_hui, literal(3)), else_=literal(2)).label("gravite"))
            .where(Parcours.personne_id.in_(personne_ids), Parcours.statut == StatutParcours.OUVERT,
                   Parcours.fin_prevue <= aujourd_hui + timedelta(days=rules.JOURS_FIN_CONTRAT)))


# Contract ending within 30 days (or already past its planned end).
fin_de_contrat = SourceDAlertes(_fin_de_contrat, _lire_fin_de_contrat, _classer_fin_de_contrat)
