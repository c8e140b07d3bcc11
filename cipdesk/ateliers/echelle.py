"""Ateliers at scale (`Module.echelle`, run by bench/ only): for every team, the designs of
the demo (objectives, progression) and about 2 sessions a month over the last year plus one to
come, 8 to 12 participants from the team's caseloads, attendance, evaluations, satisfaction
and a bilan for the past ones. Rows are inserted in bulk (Core), through the context's
`inserer`, which encrypts what must be.

For the benchmark of the attendance grid and of the émargement (issue #12): in the first
structure (the demo one), a « Remobilisation » session of 10 half-days with 15 participants of
the demo candidat's caseload, the last half-day without attendance yet."""
from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, time, timedelta

from sqlalchemy import select

from cipdesk.ateliers.bilan.models import BilanAtelier
from cipdesk.ateliers.conception.models import Atelier, ObjectifPedagogique, Sequence
from cipdesk.ateliers.conception.rules import Format, Methode, Modalite
from cipdesk.ateliers.demo import ATELIERS
from cipdesk.ateliers.evaluations.models import EvaluationObjectif, Satisfaction
from cipdesk.ateliers.evaluations.rules import Moment, Resultat
from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.presences.rules import StatutPresence
from cipdesk.ateliers.sessions.models import DemiJournee, Inscription, SessionAtelier
from cipdesk.ateliers.sessions.rules import Periode, StatutInscription
from cipdesk.comptes.models import Utilisateur
from cipdesk.core.db import utcnow

SESSIONS_PAR_MOIS = 2
MOIS = 12
REMOBILISATION = "Remobilisation : reprendre confiance et s'organiser"
STATUTS = [StatutPresence.PRESENT] * 14 + [StatutPresence.RETARD] * 2 + [StatutPresence.EXCUSE, StatutPresence.ABSENT]
RESULTATS = [Resultat.ATTEINT] * 5 + [Resultat.PARTIEL] * 3 + [Resultat.NON_ATTEINT]


class _Lignes:
    def __init__(self, ctx):
        self.ctx, self.tables = ctx, defaultdict(list)

    def ajouter(self, modele, **valeurs) -> uuid.UUID:
        valeurs.setdefault("id", uuid.uuid4())
        valeurs.setdefault("created_at", utcnow())
        valeurs.setdefault("updated_at", utcnow())
        self.tables[modele].append(valeurs)
        return valeurs["id"]

    def inserer(self) -> None:
        for modele in (Atelier, ObjectifPedagogique, Sequence, SessionAtelier, DemiJournee, Inscription, Presence,
                       EvaluationObjectif, Satisfaction, BilanAtelier):
            self.ctx.inserer(modele.__table__, self.tables.pop(modele, []))


def _atelier(lignes: _Lignes, modele: dict, structure_id, concepteur_id, *, titre=None, duree=None) -> tuple:
    champs = {k: (v.value if hasattr(v, "value") else v) for k, v in modele.items()
              if k not in ("objectifs", "sequences")}
    champs.update(titre=titre or champs["titre"], commanditaire=champs.get("commanditaire", ""),
                  satisfaction_a_chaud=True, suivi_a_froid_semaines=8, version=1)
    if duree:
        champs["duree_minutes"] = duree
    for c in ("ressources_budget", "lieu", "rythme"):
        champs.setdefault(c, "")
    aid = lignes.ajouter(Atelier, structure_id=structure_id, concepteur_id=concepteur_id, modele_id=None, **champs)
    objectifs = [lignes.ajouter(ObjectifPedagogique, structure_id=structure_id, atelier_id=aid, ordre=n,
                                capacite=c, conditions=co, critere=cr, modalite_evaluation=m)
                 for n, (c, co, cr, m) in enumerate(modele["objectifs"], start=1)]
    for n, (titre_s, duree_s, objectif, methode, modalite) in enumerate(modele["sequences"], start=1):
        lignes.ajouter(Sequence, structure_id=structure_id, atelier_id=aid, ordre=n, titre=titre_s,
                       duree_minutes=duree_s, objectif_id=objectifs[objectif] if objectif is not None else None,
                       contenu=titre_s, methode=methode.value, modalite=modalite.value,
                       format=Format.PRESENTIEL.value, activites="", ressources="", evaluation="",
                       scenario_alternatif="Travail en binôme avec un participant plus à l'aise.")
    return aid, objectifs


def _session(ctx, lignes: _Lignes, aid, objectifs, structure_id, animateur_id, participants: list, jours: list,
             aujourd_hui: date, *, saisir_le_dernier=True) -> None:
    sid = uuid.uuid4()
    capacite = max(12, len(participants))
    lignes.ajouter(SessionAtelier, id=sid, structure_id=structure_id, atelier_id=aid, lieu="Salle de formation",
                   animateur_id=animateur_id, co_animateurs="", capacite=capacite, inscrits=len(participants),
                   version=1)
    demis = []
    for jour in jours:
        demis.append((lignes.ajouter(DemiJournee, structure_id=structure_id, session_id=sid, le=jour,
                                     periode=Periode.MATIN.value, debut=time(9), fin=time(12)), jour))
    passee = jours[-1] < aujourd_hui
    for pid in participants:
        iid = lignes.ajouter(Inscription, structure_id=structure_id, session_id=sid, personne_id=pid,
                             statut=StatutInscription.INSCRIT.value, inscrit_le=jours[0] - timedelta(days=10),
                             inscrit_par_id=animateur_id)
        for n, (did, jour) in enumerate(demis):
            if jour >= aujourd_hui or (not saisir_le_dernier and n == len(demis) - 1):
                continue
            lignes.ajouter(Presence, structure_id=structure_id, demi_journee_id=did, inscription_id=iid,
                           statut=ctx.rnd.choice(STATUTS).value, saisi_par_id=animateur_id)
        if passee:
            for oid in objectifs:
                lignes.ajouter(EvaluationObjectif, structure_id=structure_id, inscription_id=iid, objectif_id=oid,
                               resultat=ctx.rnd.choice(RESULTATS).value, commentaire="", evalue_le=jours[-1],
                               evalue_par_id=animateur_id)
    if passee:
        for _ in range(ctx.rnd.randint(len(participants) // 2, len(participants))):
            lignes.ajouter(Satisfaction, structure_id=structure_id, session_id=sid, moment=Moment.A_CHAUD.value,
                           note=ctx.rnd.choice([2, 3, 3, 4, 4, 4]), commentaire="", saisi_le=jours[-1], lien_id=None)
        lignes.ajouter(BilanAtelier, structure_id=structure_id, session_id=sid, version=1,
                       ecarts="Rythme tenu ; une séquence a débordé de 15 minutes.",
                       ajustements="Prévoir les identifiants en amont avec chaque référent.",
                       redige_le=jours[-1] + timedelta(days=1), redige_par_id=animateur_id)


def remplir_echelle(ctx) -> None:
    """`ctx` is bench.echelle.Contexte (duck-typed: the application never imports bench/)."""
    session, rnd, aujourd_hui = ctx.session, ctx.rnd, ctx.aujourd_hui
    equipes = dict(session.execute(select(Utilisateur.id, Utilisateur.equipe_id).where(
        Utilisateur.id.in_(list(ctx.conseillers)))).all())
    par_equipe: dict = defaultdict(list)       # (structure, équipe) -> people
    animateurs: dict = defaultdict(list)
    for uid, sid in ctx.conseillers.items():
        animateurs[(sid, equipes.get(uid))].append(uid)
    for pid, sid, referent, _entree in ctx.personnes:
        par_equipe[(sid, equipes.get(referent))].append(pid)
    lignes = _Lignes(ctx)
    total = 0
    for (sid, equipe), personnes in sorted(par_equipe.items(), key=lambda e: (str(e[0][0]), str(e[0][1]))):
        if len(personnes) < 8 or not animateurs[(sid, equipe)]:
            continue
        concepteur = animateurs[(sid, equipe)][0]
        modeles = [_atelier(lignes, m, sid, concepteur) for m in ATELIERS]
        for n in range(SESSIONS_PAR_MOIS * MOIS + 1):   # the last one is to come
            jour = aujourd_hui - timedelta(days=15 * (SESSIONS_PAR_MOIS * MOIS - n) - 7)
            jour -= timedelta(days=jour.weekday())    # a Monday
            aid, objectifs = modeles[n % len(modeles)]
            _session(ctx, lignes, aid, objectifs, sid, rnd.choice(animateurs[(sid, equipe)]),
                     rnd.sample(personnes, rnd.randint(8, min(12, len(personnes)))), [jour, jour + timedelta(days=2)],
                     aujourd_hui)
            total += 1
        lignes.inserer()
    longue = _remobilisation(ctx, lignes)
    lignes.inserer()
    ctx.progression(f"ateliers : {total} sessions d'équipe" + (" et une session de 10 demi-journées" if longue else ""))


def _remobilisation(ctx, lignes: _Lignes) -> bool:
    candidat = ctx.session.scalar(select(Utilisateur).where(Utilisateur.email == "candidat@demo.cipdesk.fr"))
    if candidat is None:
        return False
    personnes = [pid for pid, _sid, referent, _e in ctx.personnes if referent == candidat.id][:15]
    if len(personnes) < 15:
        return False
    modele = dict(ATELIERS[0], sequences=ATELIERS[0]["sequences"] * 5)
    aid, objectifs = _atelier(lignes, modele, candidat.structure_id, candidat.id, titre=REMOBILISATION, duree=1800)
    premier = ctx.aujourd_hui - timedelta(days=13)
    jours = [premier + timedelta(days=n) for n in range(14) if (premier + timedelta(days=n)).weekday() < 5][:10]
    _session(ctx, lignes, aid, objectifs, candidat.structure_id, candidat.id, personnes, jours,
             ctx.aujourd_hui + timedelta(days=1), saisir_le_dernier=False)
    return True
