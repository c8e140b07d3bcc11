"""Intégration at scale (`Module.echelle`, run by bench/ only; issue #14 « Also »): about one
person in twelve of each structure holds a job followed by the conseiller (4 000 intégrations
at federation scale) started over the last eighteen months, with the employer from the
structure's base when it has one, the framework agreed, the follow-ups of the default calendar
(J+15, M+1, M+3, end of the trial period, M+6) done when past — a few missed, some with a risk
of rupture and a mediation —, a bilan for the finished ones and some broken off. Rows are
inserted in bulk through the context's `inserer` (which encrypts the free texts)."""
from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import select

from cipdesk.core.db import utcnow
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.integration.mediations.models import Mediation
from cipdesk.integration.points.models import PointSuivi
from cipdesk.integration.points.rules import Jalon, echeancier
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.integration.suivis.rules import Origine, StatutSuivi, TypeContrat

PART_DES_PERSONNES = 1 / 12
POSTES = [("Agent·e de nettoyage", "K2204"), ("Préparateur·rice de commandes", "N1103"),
          ("Aide à domicile", "K1302"), ("Serveur·se en restauration", "G1803"), ("Employé·e de mise en rayon", "D1507"),
          ("Aide-soignant·e", "J1501"), ("Ouvrier·ère du bâtiment", "F1703"), ("Jardinier·ère d'espaces verts", "A1203")]
CONTRATS = ([TypeContrat.CDI] * 3 + [TypeContrat.CDD_LONG] * 3 + [TypeContrat.CDD_COURT] * 2
            + [TypeContrat.INTERIM, TypeContrat.IAE, TypeContrat.CONTRAT_AIDE, TypeContrat.ALTERNANCE])
ESSAI_JOURS = {TypeContrat.CDI: 60, TypeContrat.CDD_LONG: 30, TypeContrat.CDD_COURT: 14, TypeContrat.INTERIM: 5,
               TypeContrat.IAE: 30, TypeContrat.CONTRAT_AIDE: 30, TypeContrat.ALTERNANCE: 45}


def remplir_echelle(ctx) -> None:
    """`ctx` is bench.echelle.Contexte (duck-typed: the application never imports bench/)."""
    session, rnd, aujourd_hui = ctx.session, ctx.rnd, ctx.aujourd_hui
    employeurs: dict = defaultdict(list)
    for eid, sid, nom, commune in session.execute(select(
            Entreprise.id, Entreprise.structure_id, Entreprise.raison_sociale, Entreprise.commune)):
        employeurs[sid].append((eid, nom, commune))
    tables: dict = defaultdict(list)
    totaux = defaultdict(int)

    def ajouter(modele, **ligne):
        ligne.setdefault("id", uuid.uuid4())
        ligne.update(created_at=utcnow(), updated_at=utcnow(), version=1)
        tables[modele].append(ligne)
        return ligne["id"]

    for pid, sid, referent, _entree in ctx.personnes:
        if rnd.random() >= PART_DES_PERSONNES:
            continue
        base = employeurs.get(sid)
        if base:
            eid, employeur, lieu = rnd.choice(base)
        else:
            eid, employeur, lieu = None, ctx.fake.company(), ctx.fake.city()
        intitule, rome = rnd.choice(POSTES)
        contrat = rnd.choice(CONTRATS)
        debut = aujourd_hui - timedelta(days=rnd.randint(0, 540))
        fin_essai = debut + timedelta(days=ESSAI_JOURS.get(contrat, 30))
        points = echeancier(debut, fin_essai)
        rompu = rnd.random() < 0.08
        dernier = points[-1][1]
        statut = (StatutSuivi.ROMPU if rompu and dernier < aujourd_hui else
                  StatutSuivi.TERMINE if dernier < aujourd_hui - timedelta(days=20) and rnd.random() < 0.8 else
                  StatutSuivi.EN_COURS)
        termine = statut == StatutSuivi.TERMINE
        sid_suivi = ajouter(
            SuiviIntegration, structure_id=sid, personne_id=pid, conseiller_id=referent, entreprise_id=eid,
            employeur=employeur[:200], lieu_travail=lieu, origine=rnd.choice(list(Origine)).value,
            intitule_poste=intitule, rome_code=rome, type_contrat=contrat.value, debut=debut, fin_periode_essai=fin_essai,
            heures_hebdo=rnd.choice((24, 26, 30, 35, 35)), statut=statut.value,
            cadre_le=debut + timedelta(days=rnd.randint(0, 10)),
            interlocuteurs="Tuteur : chef d'équipe ; RH pour les questions de contrat.",
            engagements="La structure fait les points de suivi ; l'employeur alerte en cas de difficulté.",
            modalites="Un appel au tuteur avant chaque point ; une visite à M+1.",
            acteurs="Médecine du travail si besoin d'aménagement.",
            bilan_le=dernier + timedelta(days=10) if termine else None,
            bilan_prevu="Stabiliser la personne dans le poste à l'issue de la période d'essai." if termine else None,
            bilan_realise="Période d'essai validée, horaires tenus." if termine else None,
            situation_fin="En poste à M+6." if termine else None,
            leviers="Tuteur disponible ; solution de garde trouvée." if termine else None,
            categorie_sortie=("durable" if contrat in (TypeContrat.CDI, TypeContrat.CDD_LONG) else "transition")
            if termine else None)
        risque_vu = False
        for jalon, prevu in points:
            passe = prevu < aujourd_hui
            manque = passe and statut == StatutSuivi.EN_COURS and rnd.random() < 0.06
            fait = prevu + timedelta(days=rnd.randint(0, 4)) if passe and not manque else None
            if fait is not None and fait > aujourd_hui:
                fait = aujourd_hui
            if statut == StatutSuivi.ROMPU and risque_vu:
                fait = None
            risque = fait is not None and rnd.random() < (0.5 if rompu else 0.05)
            ajouter(PointSuivi, structure_id=sid, suivi_id=sid_suivi, jalon=jalon.value, prevu_le=prevu, fait_le=fait,
                    avis_personne="Je me sens à ma place, les horaires sont tenables." if fait else None,
                    avis_employeur="Travail sérieux, à accompagner sur les cadences." if fait else None,
                    difficultes="Transport le samedi matin." if risque else None, risque_rupture=risque,
                    toujours_en_poste=True if fait and jalon in (Jalon.M3, Jalon.M6) else None)
            totaux["points de suivi"] += 1
            if risque and not risque_vu:
                risque_vu = True
                ajouter(Mediation, structure_id=sid, suivi_id=sid_suivi, le=fait + timedelta(days=3),
                        participants="La personne, le tuteur, la conseillère.",
                        enjeu="Retards répétés liés aux transports.",
                        actions="Décalage de l'horaire d'embauche d'une demi-heure ; aide à la mobilité.",
                        issue="Retards résolus." if not rompu else "Rupture à l'initiative de la personne.")
                totaux["médiations"] += 1
        totaux["intégrations"] += 1
        if sum(len(v) for v in tables.values()) >= 20_000:
            _inserer(ctx, tables)
    _inserer(ctx, tables)
    ctx.progression("intégration : " + ", ".join(f"{v} {k}" for k, v in totaux.items()))


def _inserer(ctx, tables) -> None:
    for modele in (SuiviIntegration, PointSuivi, Mediation):   # parents first
        if tables.get(modele):
            ctx.inserer(modele.__table__, tables[modele])
    tables.clear()
