"""Projets professionnels at scale (`Module.echelle`, run by bench/ only): about seven parcours
in ten, open or closed, hold a projet whose phase follows the parcours's age (exploration in
the first months, réalisation after ten months or at the close), validated for the réalisation
and part of the spécification, with 1 to 3 métiers explored from the shipped ROME extract —
mostly the métiers the employers of an insertion territory hire for (the sectors of
cipdesk/employeurs/echelle.py: the offer ↔ caseload matching and the prospection's targets
find people). Rows are inserted in bulk through the context's `inserer` (which encrypts the
bilan and the analyses).

Idempotent and deterministic: whether a parcours gets a projet, and what it holds, is drawn from
a generator seeded by what the scale generator made deterministic (the person's e-mail and name,
the parcours's start; not the ids, drawn by uuid4), and parcours that already have a projet (the
demo's, or a previous run's) are skipped — `python -m bench.tableau --modules parcours` adds the projets
to a base generated before this generator existed, and running it again adds nothing."""
from __future__ import annotations

import random
import uuid
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import select

from cipdesk.core.db import utcnow
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.projet.models import MetierExplore, Projet
from cipdesk.parcours.projet.rules import PHASES_PROJET, Faisabilite, metiers_rome
from cipdesk.personnes.models import Personne

PART_DES_PARCOURS = 0.7
# The métiers the employers of the scale base hire for (employeurs/echelle.py SECTEURS; a domain
# does not import another's generator: tests/bench/test_echelle.py checks they still overlap).
METIERS_DU_TERRITOIRE = ("D1102", "D1507", "G1803", "G1703", "N1103", "K2204", "J1501", "K1302", "F1703",
                         "N4101", "A1203", "I1604", "H2102", "A1414")
PART_DU_TERRITOIRE = 0.8   # the others: any métier of the ROME extract
INTERETS = ["Travail manuel, concret ; aime voir le résultat de son travail.",
            "Contact avec le public, rendre service.", "Travail en extérieur, en équipe.",
            "Organisation, rangement, travail méthodique."]
VALEURS = ["Stabilité de l'emploi, horaires compatibles avec la vie de famille.", "Utilité sociale, entraide.",
           "Autonomie, reconnaissance du travail bien fait."]
MOTIVATIONS = ["Retrouver un emploi durable et un revenu régulier.", "Se reconvertir après un arrêt de travail.",
               "Sortir de l'intérim, obtenir un contrat long."]
COMPETENCES = ["Ponctualité, respect des consignes de sécurité.", "Gestes de manutention, travail en équipe.",
               "Accueil et relation client, usage de la caisse."]
QUALITES = ["Fiable, patient·e, à l'écoute.", "Dynamique, curieux·se.", "Rigoureux·se, discret·e."]
TALENTS = ["Débrouillardise dans les situations imprévues.", "Sens du contact avec les personnes âgées.",
           "Habileté manuelle."]
ANALYSES = {Faisabilite.REALISTE: "Compatible avec la santé et la mobilité de la personne ; offres nombreuses sur le bassin.",
            Faisabilite.SOUS_CONDITIONS: "Réaliste sous conditions : permis ou formation courte à prévoir.",
            Faisabilite.NON_RETENUE: "Non retenu : port de charges incompatible avec les restrictions médicales."}


def _phase(rnd, age_jours: int, clos: bool) -> int:
    """Index in PHASES_PROJET (exploration … réalisation): later as the parcours ages."""
    if clos:
        return rnd.choice((2, 3, 3, 3))
    base = 0 if age_jours < 90 else 1 if age_jours < 180 else 2 if age_jours < 300 else 3
    return max(0, min(3, base + rnd.choice((-1, 0, 0, 0, 1))))


def remplir_echelle(ctx) -> None:
    """`ctx` is bench.echelle.Contexte (duck-typed: the application never imports bench/)."""
    session, aujourd_hui = ctx.session, ctx.aujourd_hui
    rome = metiers_rome()
    autres = sorted(c for c in rome if c not in METIERS_DU_TERRITOIRE)
    phases = PHASES_PROJET.defauts
    sans_projet = session.execute(
        select(Parcours.id, Parcours.structure_id, Parcours.statut, Parcours.debut, Personne.email,
               Personne.nom_recherche)
        .join(Personne, Personne.id == Parcours.personne_id)
        .outerjoin(Projet, Projet.parcours_id == Parcours.id).where(Projet.id.is_(None))
        .order_by(Parcours.structure_id, Parcours.id)).all()
    projets: dict = defaultdict(list)
    metiers: dict = defaultdict(list)
    totaux = defaultdict(int)
    maintenant = utcnow()
    for parcours_id, sid, statut, debut, email, nom in sans_projet:
        rnd = random.Random(f"{email}|{nom}|{debut.isoformat()}")   # a str seed: the same in every process
        if rnd.random() >= PART_DES_PARCOURS:
            continue
        clos = getattr(statut, "value", statut) == "clos"
        age = max(0, (aujourd_hui - debut).days)
        n_phase = _phase(rnd, age, clos)
        phase_code, phase_libelle = phases[n_phase]
        valide = n_phase == 3 or (n_phase == 2 and rnd.random() < 0.4)
        valide_le = (min(aujourd_hui, debut + timedelta(days=rnd.randint(min(60, age), max(60, age))))
                     if valide else None)
        codes = [rnd.choice(METIERS_DU_TERRITOIRE) if rnd.random() < PART_DU_TERRITOIRE else rnd.choice(autres)
                 for _ in range(rnd.choice((1, 1, 2, 2, 3)))]
        codes = list(dict.fromkeys(codes))   # distinct, in order
        projet_id = uuid.uuid4()
        projets[sid].append({
            "id": projet_id, "structure_id": sid, "parcours_id": parcours_id,
            "phase_code": phase_code, "phase_libelle": phase_libelle,
            # the bilan fills in as the projet advances; fields left empty are NULL, as a new projet's
            "interets": rnd.choice(INTERETS), "valeurs": rnd.choice(VALEURS) if n_phase or rnd.random() < 0.5 else None,
            "motivations": rnd.choice(MOTIVATIONS),
            "competences_transferables": rnd.choice(COMPETENCES) if n_phase else None,
            "qualites": rnd.choice(QUALITES) if n_phase else None,
            "talents": rnd.choice(TALENTS) if n_phase >= 2 else None,
            "projet_valide": f"{rome[codes[0]]} : projet confirmé par les confrontations." if valide else None,
            "valide_le": valide_le, "version": 1, "created_at": maintenant, "updated_at": maintenant})
        for k, code in enumerate(codes):
            if valide and k == 0:
                faisabilite = Faisabilite.REALISTE
            elif n_phase == 0:
                faisabilite = Faisabilite.A_EVALUER
            else:
                faisabilite = rnd.choice((Faisabilite.A_EVALUER, Faisabilite.REALISTE, Faisabilite.SOUS_CONDITIONS,
                                          Faisabilite.NON_RETENUE))
            cree = maintenant + timedelta(microseconds=k)   # the page lists them in the order explored
            metiers[sid].append({
                "id": uuid.uuid4(), "structure_id": sid, "projet_id": projet_id,
                "rome_code": code, "libelle": rome[code], "faisabilite": faisabilite.value,
                "analyse_faisabilite": ANALYSES.get(faisabilite), "created_at": cree, "updated_at": cree})
        totaux["projets"] += 1
        totaux["projets validés"] += valide
    for sid in projets:
        ctx.inserer(Projet.__table__, projets[sid])
        ctx.inserer(MetierExplore.__table__, metiers[sid])
        totaux["métiers explorés"] += len(metiers[sid])
    ctx.progression("parcours : " + ", ".join(f"{v} {k}" for k, v in totaux.items()))
