"""Benchmark of the pages named by issues #13 (employeurs), #14 (intégration) and #17 (tableau
de bord du chef de service), each against two floors:

- **plancher « requêtes »**: the very SQL statements the page sent (captured once with their
  parameters), replayed outside the application on a bare psycopg connection, in
  autocommit as the app reads (reads only: the audit trail's chained writes cannot be replayed): the
  cost of the page's reads without Flask, the ORM or the templates;
- **plancher « à la main »** (where written, `PLANCHERS_A_LA_MAIN`): SQL written by hand that
  fetches the same rows the fastest way PostgreSQL allows (one statement, the indexes of
  migration 0019_bancs), for the targets with a number (search as you type ≤ 50 ms, the chef's
  alerts < 50 ms, each dashboard view ≤ 150 ms). Reads in autocommit as the application does;
  an audited page's floor writes its chained audit line into copies of the journal's tables
  (`banc_journal_audit`, `banc_journal_audit_tete`) and commits it, as the page must.

    set -a; . /tmp/bancs/env.sh; set +a     # DATABASE_URL (PostgreSQL), CIPDESK_KEK, SECRET_KEY
    python -m bench.echelle federation --reset        # or an existing federation base, then:
    python -m bench.tableau --modules                 # employeurs + intégration generators, if missing
    python -m bench.tableau --modules parcours        # projets and métiers explored, if missing (idempotent)
    python -m bench.tableau --requests 60             # measure, append a table to bench/RESULTS.md

Measures in process through the Flask test client (the whole WSGI stack, no network), one
request at a time, after 5 warm-up requests per page; reports p50/p95 and the machine's load
(`os.getloadavg`) before and after each page (the machine is shared)."""
from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
MOT_DE_PASSE = "Démo-cipdesk-2026 !"
CHEF, CONSEILLER = "chef@demo.cipdesk.fr", "candidat@demo.cipdesk.fr"
# The conseiller's requests as htmx sends them (`HX-Request`): the search as you type answers each
# keystroke with its fragment, not the whole page.
CONSEILLER_HTMX = CONSEILLER + " (htmx)"


def centile(valeurs: list[float], p: float) -> float:
    valeurs = sorted(valeurs)
    return valeurs[max(0, min(len(valeurs) - 1, round(p / 100 * (len(valeurs) - 1))))]


# -- generators of the modules on an existing scale base -------------------------------------------
def generer_modules(app, codes: tuple[str, ...], seed: int) -> None:
    """Run the `echelle` generators of `codes` on a base already filled by bench.echelle (the
    context rebuilt from the database: structures, conseillers, people)."""
    import random

    from faker import Faker
    from sqlalchemy import select

    from bench import echelle
    from cipdesk.comptes.models import Role, Utilisateur
    from cipdesk.core.contrat import registre
    from cipdesk.core.db import db
    from cipdesk.personnes.models import Personne

    with app.app_context():
        fake = Faker("fr_FR")
        fake.seed_instance(seed)
        ctx = echelle.Contexte(session=db.session, echelle=echelle.ECHELLES["federation"], rnd=random.Random(seed),
                               fake=fake, aujourd_hui=date.today(),
                               progression=lambda m: print(f"  … {m}", file=sys.stderr))
        for uid, sid in db.session.execute(select(Utilisateur.id, Utilisateur.structure_id).where(
                Utilisateur.role == Role.CONSEILLER).order_by(Utilisateur.email)):
            ctx.conseillers[uid] = sid
        vus = []
        for pid, sid, referent, cree in db.session.execute(select(
                Personne.id, Personne.structure_id, Personne.referent_id, Personne.created_at)
                .where(Personne.referent_id.isnot(None)).order_by(Personne.nom_recherche, Personne.id)):
            ctx.personnes.append((pid, sid, referent, cree.date()))
            if sid not in vus:
                vus.append(sid)
        ctx.structures = vus
        for module in registre.modules:
            if module.code in codes and module.echelle is not None:
                debut = time.time()
                module.echelle(ctx)
                db.session.commit()
                print(f"  … {module.code} : {time.time() - debut:.0f} s", file=sys.stderr)
        echelle.analyser(db.session)
        db.session.remove()


# -- the floors --------------------------------------------------------------------------------------
def capturer(app, client, url: str) -> list[tuple[str, object]]:
    """The SQL statements (DBAPI form, with their parameters) one request of the page sends."""
    from sqlalchemy import event

    from cipdesk.core.db import db

    with app.app_context():
        engine = db.engine
    capture: list = []

    def ecouter(_conn, _curseur, instruction, parametres, _contexte, executemany):
        capture.append((instruction, parametres, executemany))

    event.listen(engine, "before_cursor_execute", ecouter)
    try:
        assert client.get(url).status_code == 200, url
    finally:
        event.remove(engine, "before_cursor_execute", ecouter)
    return capture


def rejouer(conninfo: str, instructions, n: int) -> list[float]:
    """Replay the captured reads on a bare psycopg connection, in autocommit as the application
    reads; returns the durations (ms). The audit trail's chained writes (and any other write)
    are left out: they cannot be replayed (unique rank, guarded head)."""
    import psycopg

    from cipdesk.core.db import est_une_lecture

    durees = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        for i in range(n + 3):
            debut = time.perf_counter()
            with conn.cursor() as cur:
                for instruction, parametres, executemany in instructions:
                    if not est_une_lecture(instruction):
                        continue
                    if executemany:
                        cur.executemany(instruction, parametres)
                    else:
                        cur.execute(instruction, parametres or None)
                        if cur.description is not None:
                            cur.fetchall()
            if i >= 3:
                durees.append((time.perf_counter() - debut) * 1000)
    return durees


def rejouer_sqlite(chemin: str, instructions, n: int) -> list[float]:
    """The same floor on SQLite (structure scale, issue #17): the captured reads replayed with sqlite3."""
    import sqlite3

    from cipdesk.core.db import est_une_lecture

    durees = []
    conn = sqlite3.connect(chemin)
    try:
        for i in range(n + 3):
            debut = time.perf_counter()
            for instruction, parametres, executemany in instructions:
                if not est_une_lecture(instruction) or executemany:
                    continue
                conn.execute(instruction, parametres or ()).fetchall()
            conn.rollback()
            if i >= 3:
                durees.append((time.perf_counter() - debut) * 1000)
    finally:
        conn.close()
    return durees


# The audited pages' floors write their audit line into copies of the journal's tables (same columns,
# indexes and constraints: `preparer_le_journal_du_banc`) and COMMIT it, as the page must (durably):
# the bench's rows stay out of the real chain, which `cipdesk audit verify` keeps checking.
JOURNAL_DU_BANC = (
    "CREATE TABLE IF NOT EXISTS banc_journal_audit (LIKE journal_audit INCLUDING ALL)",
    "CREATE TABLE IF NOT EXISTS banc_journal_audit_tete (LIKE journal_audit_tete INCLUDING ALL)",
    "INSERT INTO banc_journal_audit_tete SELECT * FROM journal_audit_tete WHERE id = 1 "
    "AND NOT EXISTS (SELECT 1 FROM banc_journal_audit_tete)",
)
_ECRITURE = re.compile(r"\b(INSERT|UPDATE|DELETE)\b|\bFOR\s+UPDATE\b", re.IGNORECASE)


def preparer_le_journal_du_banc(conninfo: str) -> None:
    import psycopg

    with psycopg.connect(conninfo) as conn:
        for instruction in JOURNAL_DU_BANC:
            conn.execute(instruction)


def a_la_main(conninfo: str, sql: str | tuple[str, ...], parametres: dict, n: int) -> list[float]:
    """`sql`: one statement, or the few a view needs (e.g. its figures and the team's candidats).

    The fastest way the engine allows, like the application: plain reads in autocommit (no BEGIN nor
    ROLLBACK round trip); a floor that writes (the audited read) runs in a transaction and COMMITs —
    the page must make its audit line durable, so its floor pays the same flush to disk."""
    import psycopg

    instructions = (sql,) if isinstance(sql, str) else sql
    ecrit = any(_ECRITURE.search(i) for i in instructions)
    if ecrit:
        preparer_le_journal_du_banc(conninfo)
    durees = []
    with psycopg.connect(conninfo, autocommit=not ecrit) as conn:
        for i in range(n + 3):
            debut = time.perf_counter()
            with conn.cursor() as cur:
                for instruction in instructions:
                    cur.execute(instruction, parametres)
                    cur.fetchall()
            if ecrit:
                conn.commit()
            if i >= 3:
                durees.append((time.perf_counter() - debut) * 1000)
    return durees


# Hand-written floors: name -> (SQL, how to build its parameters from the context).
RECHERCHE = """
SELECT e.* FROM entreprise e
WHERE e.structure_id = %(structure)s
  AND (e.nom_recherche LIKE %(contient)s OR e.commune_recherche LIKE %(debut)s
       OR e.siret LIKE %(chiffres)s OR e.siren LIKE %(siren)s OR e.naf_code = ANY(%(naf)s))
ORDER BY e.nom_recherche LIMIT 50"""

# The chef's alerts: the people of the team (accueillie, accompagnée, orientée) with at least one
# alert of the ten providers, ranked by their gravest alert then by name: the 50 first, each with its
# codes, and how many in all (what the page shows, `LIMITE_ALERTES_EQUIPE`). The same filters and
# gravities as the providers' rules (checked against the page by --verifier: same people, same
# order, same total): orientation after 15 days (> ; to close after 30: 3), candidature after 15
# days (≥ ; obsolete after 30: 1), contract past its end (3), the risk of rupture of the latest
# point done of a suivi (3), repeated no-shows (2 of the 3 latest noted rendez-vous of 6 months). It
# does not read what the labels show (partner, atelier, offer names): a floor slightly below the
# page's work.
ALERTES_CHEF = """
WITH equipe AS MATERIALIZED (
  SELECT p.id FROM personne p JOIN utilisateur u ON u.id = p.referent_id
  WHERE p.structure_id = %(structure)s AND u.equipe_id = %(equipe)s
    AND p.statut IN ('accueillie', 'accompagnee', 'orientee')),
alertes AS (
  SELECT u.personne_id, 'urgence' AS code, 3 AS gravite FROM urgence u
    WHERE u.personne_id IN (SELECT id FROM equipe) AND u.traitee_le IS NULL
  UNION ALL
  SELECT o.personne_id, 'orientation', CASE WHEN o.date_orientation < %(a_clore)s THEN 3 ELSE 2 END
    FROM orientation o
    WHERE o.personne_id IN (SELECT id FROM equipe) AND o.reponse = 'en_attente'
      AND o.date_orientation < %(relance)s
  UNION ALL
  SELECT DISTINCT pc.personne_id, 'etape', 2 FROM parcours pc JOIN etape e ON e.parcours_id = pc.id
    WHERE pc.personne_id IN (SELECT id FROM equipe) AND pc.statut = 'ouvert'
      AND e.statut IN ('prevue', 'en_cours', 'reportee') AND e.echeance < %(aujourdhui)s
  UNION ALL
  SELECT p.id, 'sans_contact', 2 FROM personne p JOIN parcours pc ON pc.personne_id = p.id AND pc.statut = 'ouvert'
    WHERE p.id IN (SELECT id FROM equipe) AND coalesce(p.dernier_contact_le, pc.debut) < %(seuil)s
  UNION ALL
  SELECT pc.personne_id, 'fin_prevue', CASE WHEN pc.fin_prevue < %(aujourdhui)s THEN 3 ELSE 2 END FROM parcours pc
    WHERE pc.personne_id IN (SELECT id FROM equipe) AND pc.statut = 'ouvert' AND pc.fin_prevue <= %(fin_prevue)s
  UNION ALL
  SELECT DISTINCT i.personne_id, 'absence', 2 FROM presence_atelier pr
    JOIN inscription_atelier i ON i.id = pr.inscription_id JOIN demi_journee d ON d.id = pr.demi_journee_id
    WHERE pr.statut = 'absent' AND i.personne_id IN (SELECT id FROM equipe) AND d.le BETWEEN %(seuil)s AND %(aujourdhui)s
  UNION ALL
  SELECT it.personne_id, 'action_employeur', 2 FROM interaction_entreprise it
    WHERE it.personne_id IN (SELECT id FROM equipe) AND it.action_faite_le IS NULL AND it.echeance < %(aujourdhui)s
  UNION ALL
  SELECT c.personne_id, 'candidature', CASE WHEN c.etat_depuis <= %(a_clore)s THEN 1 ELSE 2 END FROM candidature c
    WHERE c.personne_id IN (SELECT id FROM equipe) AND c.etat IN ('envoyee', 'entretien') AND c.etat_depuis <= %(relance)s
  UNION ALL
  SELECT s.personne_id, 'integration', 2 FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id
    WHERE s.personne_id IN (SELECT id FROM equipe) AND s.statut = 'en_cours'
      AND pt.fait_le IS NULL AND pt.prevu_le < %(aujourdhui)s
  UNION ALL
  SELECT d.personne_id, 'rupture', 3 FROM (
    SELECT DISTINCT ON (pt.suivi_id) s.personne_id, pt.risque_rupture FROM point_suivi_integration pt
      JOIN suivi_integration s ON s.id = pt.suivi_id
      WHERE s.personne_id IN (SELECT id FROM equipe) AND s.statut = 'en_cours' AND pt.fait_le IS NOT NULL
      ORDER BY pt.suivi_id, pt.prevu_le DESC, pt.id DESC) d WHERE d.risque_rupture
  UNION ALL
  SELECT r.personne_id, 'absences_repetees', 2 FROM (
    SELECT rv.personne_id, rv.presence,
           row_number() OVER (PARTITION BY rv.personne_id ORDER BY rv.le DESC, rv.heure DESC, rv.id DESC) AS rang
      FROM rendez_vous rv
      WHERE rv.personne_id IN (SELECT id FROM equipe) AND rv.presence IS NOT NULL AND rv.annule_le IS NULL
        AND rv.le >= %(six_mois)s) r
    WHERE r.rang <= 3 GROUP BY r.personne_id HAVING count(*) FILTER (WHERE r.presence = 'non_honore') >= 2),
classement AS (SELECT personne_id, max(gravite) AS gravite, array_agg(code) AS codes FROM alertes GROUP BY 1)
SELECT p.id, p.nom, p.prenom, r.prenom, r.nom, c.codes, c.gravite, count(*) OVER () AS en_tout
FROM classement c JOIN personne p ON p.id = c.personne_id LEFT JOIN utilisateur r ON r.id = p.referent_id
ORDER BY c.gravite DESC, p.nom, p.prenom, p.id LIMIT 50"""

POINTS_SEMAINE = """
SELECT pt.*, s.*, p.nom, p.prenom FROM point_suivi_integration pt
JOIN suivi_integration s ON s.id = pt.suivi_id JOIN personne p ON p.id = s.personne_id
WHERE p.structure_id = %(structure)s AND p.referent_id = %(moi)s AND s.statut = 'en_cours'
  AND pt.fait_le IS NULL AND pt.prevu_le <= %(dimanche)s
ORDER BY pt.prevu_le LIMIT 200"""

EQUIPE = """WITH equipe AS MATERIALIZED (
  SELECT p.id, p.referent_id, p.dernier_contact_le FROM personne p JOIN utilisateur u ON u.id = p.referent_id
  WHERE p.structure_id = %(structure)s AND u.equipe_id = %(equipe)s)
"""

# « Activité de l'équipe »: the five indicators of the view in one statement (same rows, grouped).
ACTIVITE = EQUIPE + """
SELECT 'file_active', e.referent_id::text, count(DISTINCT pc.personne_id), NULL::bigint, NULL::int FROM parcours pc
  JOIN equipe e ON e.id = pc.personne_id LEFT JOIN sortie so ON so.parcours_id = pc.id
  WHERE pc.debut <= %(fin)s AND (so.id IS NULL OR so.sortie_le >= %(debut)s) GROUP BY 2
UNION ALL
SELECT 'entrees', to_char(pc.debut, 'YYYY-MM'), count(*), NULL, NULL FROM parcours pc JOIN equipe e ON e.id = pc.personne_id
  WHERE pc.debut BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'sorties_mois', to_char(so.sortie_le, 'YYYY-MM'), count(*), NULL, NULL FROM sortie so
  JOIN parcours pc ON pc.id = so.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE so.sortie_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'sorties_categorie', so.categorie, count(*), NULL, NULL FROM sortie so
  JOIN parcours pc ON pc.id = so.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE so.sortie_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'entretiens', en.conseiller_id::text, count(*), NULL, NULL FROM entretien en
  JOIN parcours pc ON pc.id = en.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE en.le BETWEEN %(debut)s AND %(fin)s GROUP BY 2"""

# The first view also lists the team's candidats au titre and how many competences (CP) of the referential
# their proofs cover: for each code, one probe of the index (author, competence) for a proof not withdrawn
# (counting the distinct codes of thousands of proofs per candidat is slower).
CANDIDATS = """
SELECT u.id, u.prenom, u.nom, pc.voie, pc.date_session,
       (SELECT count(*) FROM unnest(%(codes_cp)s::text[]) c(code) WHERE EXISTS (
          SELECT 1 FROM preuve_competence p WHERE p.utilisateur_id = u.id AND p.competence_code = c.code
            AND p.structure_id = %(structure)s AND p.retiree_le IS NULL))
FROM utilisateur u JOIN profil_candidat pc ON pc.utilisateur_id = u.id
WHERE u.structure_id = %(structure)s AND u.equipe_id = %(equipe)s AND u.actif ORDER BY u.nom, u.prenom"""

# « À surveiller aujourd'hui »: open urgencies by age, overdue étapes and people without contact by référent,
# each with the sum and the maximum of its days (the page shows their mean and maximum). People without
# contact: their latest contact, or the start of their earliest open parcours, older than the threshold.
A_SURVEILLER = EQUIPE + """
SELECT 'urgences', CASE WHEN %(aujourdhui)s - u.reperee_le <= 7 THEN 'moins_8_jours' WHEN %(aujourdhui)s - u.reperee_le <= 30
                        THEN '8_30_jours' ELSE 'plus_30_jours' END, count(*), sum(%(aujourdhui)s - u.reperee_le),
       max(%(aujourdhui)s - u.reperee_le) FROM urgence u JOIN equipe e ON e.id = u.personne_id
  WHERE u.traitee_le IS NULL AND u.reperee_le <= %(aujourdhui)s GROUP BY 2
UNION ALL
SELECT 'etapes_en_retard', e.referent_id::text, count(*), sum(%(aujourdhui)s - et.echeance), max(%(aujourdhui)s - et.echeance)
  FROM etape et JOIN parcours pc ON pc.id = et.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE pc.statut = 'ouvert' AND et.statut IN ('prevue', 'en_cours', 'reportee') AND et.echeance < %(aujourdhui)s GROUP BY 2
UNION ALL
SELECT 'sans_contact', x.referent_id::text, count(*), sum(x.j), max(x.j) FROM (
  SELECT e.referent_id, %(aujourdhui)s - coalesce(e.dernier_contact_le, min(pc.debut)) AS j FROM equipe e
    JOIN parcours pc ON pc.personne_id = e.id AND pc.statut = 'ouvert' GROUP BY e.id, e.referent_id, e.dernier_contact_le) x
  WHERE x.j > %(seuil_jours)s GROUP BY 2"""


# -- the other views' hand-written floors (issue #17: « every page ≤ 3× its hand-written floor ») ---
# Each view's figures in ONE statement: every indicator's rows grouped by key, as
# (indicator, key, count, sum of the value, max of the value) — what `queries.chiffres` groups —
# and, beside it, the other rows the page shows (the team's open workload alerts). `--verifier`
# compares them with the application's figures on the bench base.
# The team's people as the index (référent, statut, structure) holds them, without a visit of the table
# (reading one more column of 1 050 people, as the floors did, cost them 9 ms): only « Délais » needs the
# day each person was recorded, and reads it (DELAIS_EQUIPE).
EQUIPE_ET_CONSEILLERS = """WITH equipe AS MATERIALIZED (
  SELECT p.id, p.referent_id FROM personne p JOIN utilisateur u ON u.id = p.referent_id
  WHERE p.structure_id = %(structure)s AND u.equipe_id = %(equipe)s),
conseillers AS MATERIALIZED (
  SELECT u.id, u.prenom, u.nom FROM utilisateur u
  WHERE u.structure_id = %(structure)s AND u.equipe_id = %(equipe)s AND u.role = 'conseiller')
"""

# Every page reads the account it serves and checks its session is open on the server (the user
# loader): a read no page can skip, so the floors below (except the two older ones) begin with it, in
# one statement (the chef's open session, the latest seen).
COMPTE_CONNECTE = """
SELECT u.*, s.* FROM utilisateur u JOIN session_connexion s ON s.utilisateur_id = u.id AND s.fin IS NULL
WHERE u.id = %(chef)s ORDER BY s.vu_le DESC LIMIT 1"""

# Every view of the dashboard and the funders' report show the filters: the team's conseillers, the chef's
# équipe, the structure's dispositifs (its own values; the defaults are in the code), and read the structure's
# settings (norm per conseiller, threshold without contact). One round trip.
CHOIX_DES_FILTRES = """
SELECT 'conseiller', u.id::text, u.prenom || ' ' || u.nom FROM utilisateur u
  WHERE u.structure_id = %(structure)s AND u.equipe_id = %(equipe)s AND u.role = 'conseiller'
UNION ALL
SELECT 'equipe', e.id::text, e.nom FROM equipe e WHERE e.id = %(equipe)s AND e.structure_id = %(structure)s
UNION ALL
SELECT 'dispositif', v.code, v.libelle FROM valeur_de_liste v
  WHERE v.structure_id = %(structure)s AND v.liste = 'dispositif'
UNION ALL
SELECT 'parametres', NULL, s.parametres::text FROM structure s WHERE s.id = %(structure)s"""

# Every view of the dashboard (full page, not the htmx fragment) lists the team's open workload alerts.
ALERTES_CHARGE_OUVERTES = """
SELECT a.id, a.envoyee_le, a.file_active, a.norme, a.entretiens_semaine, a.en_retard, u.prenom, u.nom
FROM alerte_charge a JOIN utilisateur u ON u.id = a.auteur_id
WHERE a.structure_id = %(structure)s AND a.equipe_id = %(equipe)s AND a.prise_en_compte_le IS NULL
ORDER BY a.envoyee_le DESC"""

# « Délais »: first accueil, first validated diagnostic, partners' answers, first entretien of each parcours.
# The same, inlined in each statement that reads it (NOT MATERIALIZED): the planner then sees the tables
# and their statistics and reaches the team's records through their indexes; measured faster for
# « Prospection et recrutement » (offers by author, candidatures by person: 17 → 10 ms) and « Intégration »
# (10 → 2,4 ms), slower for the views that read the team several times (Activité, Délais, Ateliers…).
EQUIPE_ET_CONSEILLERS_EN_LIGNE = EQUIPE_ET_CONSEILLERS.replace("AS MATERIALIZED", "AS NOT MATERIALIZED")
DELAIS_EQUIPE = EQUIPE_ET_CONSEILLERS.replace("SELECT p.id, p.referent_id FROM", "SELECT p.id, p.referent_id, p.created_at FROM")
DELAIS = DELAIS_EQUIPE + """,
pa AS MATERIALIZED (SELECT a.personne_id, min(a.date_accueil) AS le FROM accueil a
                    JOIN equipe e ON e.id = a.personne_id GROUP BY 1)
SELECT 'delai_accueil', 'tous', count(*), sum(x.j), max(x.j) FROM (
  SELECT pa.le - LEAST(e.created_at::date, coalesce(r.le, pa.le), pa.le) AS j
  FROM pa JOIN equipe e ON e.id = pa.personne_id
  LEFT JOIN LATERAL (SELECT min(ri.date_reunion) AS le FROM participant_reunion pr
                     JOIN reunion_information ri ON ri.id = pr.reunion_id
                     WHERE pr.personne_id = e.id AND pr.resultat <> 'absent') r ON true
  WHERE pa.le BETWEEN %(debut)s AND %(fin)s) x
UNION ALL
SELECT 'delai_diagnostic', 'tous', count(*), sum(v.le - pa.le), max(v.le - pa.le) FROM (
  SELECT d.personne_id, min(d.valide_le) AS le FROM diagnostic d JOIN equipe e ON e.id = d.personne_id
  WHERE d.statut = 'valide' GROUP BY 1) v JOIN pa ON pa.personne_id = v.personne_id
  WHERE v.le BETWEEN %(debut)s AND %(fin)s
UNION ALL
SELECT 'delai_orientation', o.reponse, count(*), sum(o.reponse_le - o.date_orientation),
       max(o.reponse_le - o.date_orientation)
  FROM orientation o JOIN equipe e ON e.id = o.personne_id
  WHERE o.reponse <> 'en_attente' AND o.reponse_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'delai_premier_entretien', 'tous', count(x.j), sum(x.j), max(x.j) FROM (
  SELECT (SELECT min(en.le) FROM entretien en WHERE en.parcours_id = pc.id) - pc.debut AS j
  FROM parcours pc JOIN equipe e ON e.id = pc.personne_id WHERE pc.debut BETWEEN %(debut)s AND %(fin)s) x"""

# « Après la sortie »: each exit of the period (retraits aside) at 3 and 6 months, by situation or « due ».
APRES_SORTIE = EQUIPE_ET_CONSEILLERS + """
SELECT 'post_sortie', m.mois || ':' || coalesce(ss.situation, 'a_faire'), count(*), NULL::bigint, NULL::int
FROM sortie so JOIN parcours pc ON pc.id = so.parcours_id JOIN equipe e ON e.id = pc.personne_id
CROSS JOIN (VALUES (3, %(echue_3)s::date), (6, %(echue_6)s::date)) m(mois, echue)
LEFT JOIN suivi_sortie ss ON ss.sortie_id = so.id AND ss.mois = m.mois
WHERE so.sortie_le BETWEEN %(debut)s AND %(fin)s AND so.categorie <> 'retraits'
  AND (ss.id IS NOT NULL OR so.sortie_le <= m.echue)
GROUP BY 2"""

# « Ateliers »: sessions by animateur (every conseiller of the team, 0 too), attendance, objectives, satisfaction.
ATELIERS = EQUIPE_ET_CONSEILLERS + """
SELECT 'ateliers_sessions', c.id::text, count(s.id), NULL::bigint, NULL::int FROM conseillers c
  LEFT JOIN session_atelier s ON s.animateur_id = c.id AND s.structure_id = %(structure)s
   AND EXISTS (SELECT 1 FROM demi_journee d WHERE d.session_id = s.id AND d.le BETWEEN %(debut)s AND %(fin)s)
  GROUP BY c.id
UNION ALL
SELECT 'ateliers_presences', pr.statut, count(*), NULL, NULL FROM presence_atelier pr
  JOIN demi_journee d ON d.id = pr.demi_journee_id JOIN inscription_atelier i ON i.id = pr.inscription_id
  JOIN equipe e ON e.id = i.personne_id WHERE d.le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'ateliers_objectifs', ev.resultat, count(*), NULL, NULL FROM evaluation_objectif ev
  JOIN inscription_atelier i ON i.id = ev.inscription_id JOIN equipe e ON e.id = i.personne_id
  WHERE ev.evalue_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'ateliers_satisfaction', sa.note::text, count(*), sum(sa.note), max(sa.note) FROM satisfaction_atelier sa
  JOIN session_atelier s ON s.id = sa.session_id
  WHERE s.structure_id = %(structure)s AND s.animateur_id IN (SELECT id FROM conseillers)
    AND sa.saisi_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2"""

# « Prospection et recrutement »: the team's exchanges with employers, offers from its fiches de poste,
# candidatures proposed and hires (one scan of the log for both). The team's conseillers as one array (one
# scan of the exchanges for all of them, not one per conseiller).
VUE_PROSPECTION = EQUIPE_ET_CONSEILLERS_EN_LIGNE + """
SELECT 'prospection', it.nature, count(*), NULL::bigint, NULL::int FROM interaction_entreprise it
  WHERE it.structure_id = %(structure)s AND it.conseiller_id = ANY(ARRAY(SELECT id FROM conseillers))
    AND it.le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'offres', o.statut, count(*), NULL, NULL FROM offre_emploi o JOIN fiche_de_poste f ON f.id = o.fiche_id
  WHERE o.structure_id = %(structure)s AND f.structure_id = %(structure)s
    AND f.redigee_par_id = ANY(ARRAY(SELECT id FROM conseillers))
    AND o.ouverte_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'candidatures', k.cle, k.n, NULL, NULL FROM (
  SELECT count(*) FILTER (WHERE t.de IS NULL) AS proposees, count(*) FILTER (WHERE t.vers = 'embauche') AS embauches
  FROM transition_candidature t JOIN candidature c ON c.id = t.candidature_id JOIN equipe e ON e.id = c.personne_id
  WHERE t.le BETWEEN %(debut)s AND %(fin)s AND (t.de IS NULL OR t.vers = 'embauche')) x
  CROSS JOIN LATERAL (VALUES ('proposees', x.proposees), ('embauches', x.embauches)) k(cle, n)"""

# « Intégration dans l'emploi »: follow-up points of the period due today (done / missed), intégrations by status.
INTEGRATION = EQUIPE_ET_CONSEILLERS_EN_LIGNE + """
SELECT 'integration_points', CASE WHEN pt.fait_le IS NOT NULL THEN 'faits' ELSE 'manques' END, count(*),
       NULL::bigint, NULL::int
  FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id JOIN equipe e ON e.id = s.personne_id
  WHERE pt.prevu_le BETWEEN %(debut)s AND %(fin)s AND (pt.fait_le IS NOT NULL OR pt.prevu_le < %(aujourdhui)s)
  GROUP BY 2
UNION ALL
SELECT 'integrations', s.statut, count(*), NULL, NULL FROM suivi_integration s JOIN equipe e ON e.id = s.personne_id
  WHERE s.debut <= %(fin)s AND (s.bilan_le IS NULL OR s.bilan_le >= %(debut)s) GROUP BY 2"""

# « Prévention »: incidents with the public recorded by the team's conseillers in the period, by nature.
PREVENTION = """
SELECT 'incidents', i.nature, count(*), NULL::bigint, NULL::int FROM incident_public i
WHERE i.structure_id = %(structure)s AND i.survenu_le BETWEEN %(debut)s AND %(fin)s
  AND i.auteur_id IN (SELECT u.id FROM utilisateur u WHERE u.structure_id = %(structure)s
                      AND u.equipe_id = %(equipe)s AND u.role = 'conseiller')
GROUP BY 2"""

# Funders' report: the participants entered in the period (their first parcours begun in it, its exit) with
# what the FSE+ data reads, then the period's exits by motive and category (PLIE and IAE tables) in one scan.
FSE_PARTICIPANTS = """WITH equipe AS MATERIALIZED (
  SELECT p.id FROM personne p JOIN utilisateur u ON u.id = p.referent_id
  WHERE p.structure_id = %(structure)s AND u.equipe_id = %(equipe)s),
entree AS (SELECT DISTINCT ON (pc.personne_id) pc.personne_id, pc.id, pc.debut, pc.dispositif_libelle
           FROM parcours pc JOIN equipe e ON e.id = pc.personne_id
           WHERE pc.debut BETWEEN %(debut)s AND %(fin)s ORDER BY pc.personne_id, pc.debut)
SELECT p.id, p.nom, p.prenom, p.sexe, p.date_naissance, p.niveau_formation, p.publics, en.debut,
       en.dispositif_libelle, so.sortie_le, p.situation_marche_travail
FROM entree en JOIN personne p ON p.id = en.personne_id LEFT JOIN sortie so ON so.parcours_id = en.id
ORDER BY p.nom, p.prenom"""

FSE_SORTIES = """
SELECT so.motif, so.categorie, count(*) FROM sortie so JOIN parcours pc ON pc.id = so.parcours_id
  JOIN personne p ON p.id = pc.personne_id JOIN utilisateur u ON u.id = p.referent_id
WHERE p.structure_id = %(structure)s AND u.equipe_id = %(equipe)s AND so.sortie_le BETWEEN %(debut)s AND %(fin)s
GROUP BY 1, 2"""

# Caseload balance: each conseiller of the team and the people they accompany today (with the structure's
# norm, shown beside), then the structure's people without a référent (the 200 oldest).
PORTEFEUILLES = """
SELECT u.id, u.prenom, u.nom,
       (SELECT count(*) FROM personne p WHERE p.structure_id = %(structure)s AND p.referent_id = u.id
          AND p.statut = 'accompagnee'),
       (SELECT s.parametres->>'norme_file_active' FROM structure s WHERE s.id = %(structure)s)
FROM utilisateur u WHERE u.structure_id = %(structure)s AND u.equipe_id = %(equipe)s AND u.role = 'conseiller'
ORDER BY u.nom, u.prenom"""

SANS_REFERENT = """
SELECT p.id, p.nom, p.prenom, p.nom_usage, p.statut, p.created_at FROM personne p
WHERE p.structure_id = %(structure)s AND p.referent_id IS NULL AND p.statut IN ('accueillie', 'accompagnee')
ORDER BY p.created_at LIMIT 200"""

# « Charge de l'équipe » (Ma pratique): for each active conseiller of the team, their caseload, their
# entretiens of the week and the items overdue in their caseload (every alert of gravity ≥ 2 of the
# modules' providers, as `alertes_pour` counts them); then the team's workload alerts and its incidents.
CHARGE_EQUIPE = """WITH conseillers AS MATERIALIZED (
  SELECT u.id, u.prenom, u.nom FROM utilisateur u WHERE u.structure_id = %(structure)s
    AND u.equipe_id = %(equipe)s AND u.role = 'conseiller' AND u.actif),
actifs AS MATERIALIZED (
  SELECT p.id, p.referent_id, p.dernier_contact_le FROM personne p WHERE p.structure_id = %(structure)s
    AND p.referent_id IN (SELECT id FROM conseillers) AND p.statut IN ('accueillie', 'accompagnee', 'orientee')),
alertes AS (
  SELECT a.referent_id FROM urgence u JOIN actifs a ON a.id = u.personne_id WHERE u.traitee_le IS NULL
  UNION ALL
  SELECT a.referent_id FROM orientation o JOIN actifs a ON a.id = o.personne_id
    WHERE o.reponse = 'en_attente' AND %(aujourdhui)s - o.date_orientation > %(delai_orientation)s
  UNION ALL
  SELECT a.referent_id FROM actifs a JOIN LATERAL (
      SELECT r.presence FROM rendez_vous r WHERE r.personne_id = a.id AND r.presence IS NOT NULL
        AND r.annule_le IS NULL AND r.le >= %(six_mois)s ORDER BY r.le DESC, r.heure DESC LIMIT 3) r ON true
    GROUP BY a.id, a.referent_id HAVING count(*) FILTER (WHERE r.presence = 'non_honore') >= 2
  UNION ALL
  SELECT a.referent_id FROM actifs a WHERE EXISTS (
      SELECT 1 FROM presence_atelier pr JOIN inscription_atelier i ON i.id = pr.inscription_id
        JOIN demi_journee d ON d.id = pr.demi_journee_id
      WHERE i.personne_id = a.id AND pr.statut = 'absent' AND d.le BETWEEN %(trente_jours)s AND %(aujourdhui)s)
  UNION ALL
  SELECT a.referent_id FROM candidature c JOIN actifs a ON a.id = c.personne_id
    WHERE c.etat IN ('envoyee', 'entretien') AND %(aujourdhui)s - c.etat_depuis >= %(delai_candidature)s
      AND %(aujourdhui)s - c.etat_depuis < 2 * %(delai_candidature)s
  UNION ALL
  SELECT a.referent_id FROM interaction_entreprise it JOIN actifs a ON a.id = it.personne_id
    WHERE it.action_faite_le IS NULL AND it.echeance < %(aujourdhui)s
  UNION ALL
  SELECT a.referent_id FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id
    JOIN actifs a ON a.id = s.personne_id
    WHERE s.statut = 'en_cours' AND pt.fait_le IS NULL AND pt.prevu_le < %(aujourdhui)s
  UNION ALL
  SELECT a.referent_id FROM suivi_integration s JOIN actifs a ON a.id = s.personne_id
    JOIN LATERAL (SELECT pt.risque_rupture FROM point_suivi_integration pt WHERE pt.suivi_id = s.id
                  AND pt.fait_le IS NOT NULL ORDER BY pt.prevu_le DESC LIMIT 1) d ON d.risque_rupture
    WHERE s.statut = 'en_cours'
  UNION ALL
  SELECT a.referent_id FROM parcours pc JOIN actifs a ON a.id = pc.personne_id WHERE pc.statut = 'ouvert'
    AND EXISTS (SELECT 1 FROM etape et WHERE et.parcours_id = pc.id
                AND et.statut IN ('prevue', 'en_cours', 'reportee') AND et.echeance < %(aujourdhui)s)
  UNION ALL
  SELECT a.referent_id FROM parcours pc JOIN actifs a ON a.id = pc.personne_id WHERE pc.statut = 'ouvert'
    AND %(aujourdhui)s - coalesce(a.dernier_contact_le, pc.debut) > %(seuil_jours)s
  UNION ALL
  SELECT a.referent_id FROM parcours pc JOIN actifs a ON a.id = pc.personne_id WHERE pc.statut = 'ouvert'
    AND pc.fin_prevue <= %(fin_prevue)s)
SELECT c.id, c.prenom, c.nom,
       (SELECT count(*) FROM actifs a WHERE a.referent_id = c.id),
       (SELECT count(*) FROM entretien en WHERE en.structure_id = %(structure)s AND en.conseiller_id = c.id
          AND en.le BETWEEN %(lundi)s AND %(dimanche)s),
       coalesce(r.n, 0),
       (SELECT s.parametres->>'norme_file_active' FROM structure s WHERE s.id = %(structure)s)
FROM conseillers c LEFT JOIN (SELECT referent_id, count(*) AS n FROM alertes GROUP BY 1) r ON r.referent_id = c.id
ORDER BY c.nom, c.prenom"""

ALERTES_CHARGE_EQUIPE = """
SELECT a.id, a.envoyee_le, a.file_active, a.norme, a.entretiens_semaine, a.en_retard, a.message_chiffre,
       a.prise_en_compte_le, a.reponse_chiffre, u.prenom, u.nom
FROM alerte_charge a JOIN utilisateur u ON u.id = a.auteur_id
WHERE a.structure_id = %(structure)s AND a.equipe_id = %(equipe)s ORDER BY a.envoyee_le DESC"""

INCIDENTS_EQUIPE = """
SELECT i.id, i.survenu_le, i.nature, i.declare, u.prenom, u.nom FROM incident_public i
  JOIN utilisateur u ON u.id = i.auteur_id
WHERE i.structure_id = %(structure)s AND (u.equipe_id = %(equipe)s OR i.auteur_id = %(chef)s)
ORDER BY i.survenu_le DESC, i.created_at DESC"""
# -- hand-written floors of the employeurs (#13) and intégration (#14) pages -----------------------
# Each one statement (one round trip), the rows the page shows and only them: its row sets as
# json columns of one row. Perimeter of the demo chef: the people whose référent is in their team;
# of the demo conseiller (caseloads not shared in the demo structure): the people they follow.
# The employeurs floors start, like the dashboard's and bench/pages.py's, with the read every page
# must do (the signed-in account and its open session: the header shows the account, the user
# loader checks the session): COMPTE_CONNECTE for the chef, COMPTE_DU_CONSEILLER for the conseiller.
COMPTE_DU_CONSEILLER = COMPTE_CONNECTE.replace("%(chef)s", "%(moi)s")
PERIMETRE_CHEF = """p.structure_id = %(structure)s AND p.referent_id IN (
  SELECT u.id FROM utilisateur u WHERE u.equipe_id = %(equipe)s AND u.structure_id = %(structure)s)"""

# The offer's page for the chef: the offer (fiche, employer), its justifications and who wrote them,
# the candidatures (a person's name only inside the perimeter) and how many others, the people of
# the team matched to the offer's ROME domain (not yet candidates, at most 100) with their profile,
# the métiers of their open parcours and the freins (level ≥ 2) of their latest diagnostic, and
# the measures mobilised on the offer.
OFFRE_RAPPROCHEMENT = """
WITH o AS (
  SELECT o.id, o.intitule, o.texte, o.nombre_postes, o.ouverte_le, o.cloture_le, o.statut, o.fiche_id,
         o.entreprise_id, f.rome_code, f.permis_requis, f.horaires_atypiques, e.raison_sociale, e.enseigne,
         e.code_postal, e.commune
  FROM offre_emploi o JOIN fiche_de_poste f ON f.id = o.fiche_id JOIN entreprise e ON e.id = o.entreprise_id
  WHERE o.id = %(offre)s AND o.structure_id = %(structure)s),
rapproches AS (
  SELECT DISTINCT p.id FROM personne p JOIN parcours pc ON pc.personne_id = p.id
    JOIN projet pr ON pr.parcours_id = pc.id JOIN metier_explore m ON m.projet_id = pr.id
  WHERE """ + PERIMETRE_CHEF + """ AND pc.statut = 'ouvert'
    AND (SELECT rome_code FROM o) <> '' AND m.rome_code LIKE left((SELECT upper(rome_code) FROM o), 3) || '%%'
    AND p.id NOT IN (SELECT c.personne_id FROM candidature c WHERE c.offre_id = %(offre)s)
    AND p.statut IN ('accueillie', 'accompagnee')
  LIMIT 100)
SELECT (SELECT row_to_json(o) FROM o),
  (SELECT json_agg(j ORDER BY j.created_at) FROM (
     SELECT j.cle, j.extrait, j.justification, j.le, j.created_at, u.prenom, u.nom FROM justification_offre j
     JOIN utilisateur u ON u.id = j.par_id WHERE j.offre_id = %(offre)s) j),
  (SELECT json_agg(c ORDER BY c.etat_depuis DESC, c.id) FROM (
     SELECT c.id, c.etat, c.etat_depuis, CASE WHEN v.id IS NOT NULL THEN p.nom END AS nom,
            CASE WHEN v.id IS NOT NULL THEN p.prenom END AS prenom
     FROM candidature c JOIN personne p ON p.id = c.personne_id
     LEFT JOIN LATERAL (SELECT p.id WHERE """ + PERIMETRE_CHEF + """) v ON true
     WHERE c.offre_id = %(offre)s) c),
  (SELECT json_agg(r) FROM (
     SELECT p.id, p.nom, p.prenom, p.code_postal, p.commune, pe.disponible_le, pe.permis, pe.vehicule,
            pe.zone_mobilite, pe.contraintes_horaires,
            (SELECT json_agg(json_build_array(m.rome_code, m.libelle, pr.valide_le, m.faisabilite))
             FROM parcours pc JOIN projet pr ON pr.parcours_id = pc.id JOIN metier_explore m ON m.projet_id = pr.id
             WHERE pc.personne_id = p.id AND pc.statut = 'ouvert' AND m.rome_code <> '') AS metiers,
            (SELECT json_agg(json_build_array(dd.dimension_code, dd.dimension_libelle, dd.frein_niveau))
             FROM diagnostic_dimension dd WHERE dd.frein_niveau >= 2 AND dd.diagnostic_id = (
               SELECT d.id FROM diagnostic d WHERE d.personne_id = p.id ORDER BY d.numero DESC LIMIT 1)) AS freins
     FROM rapproches r JOIN personne p ON p.id = r.id LEFT JOIN profil_emploi pe ON pe.personne_id = p.id) r),
  (SELECT json_agg(m ORDER BY m.le) FROM (
     SELECT m.code, m.libelle, m.le FROM mesure_mobilisee m WHERE m.offre_id = %(offre)s) m)"""

# The prospection action's page for the conseiller: the action and its pilot, its indicators, the
# targeted employers by name, the first 50 employers of the base (by name) not yet targeted, the four
# actuals over its period, the caseload's métiers, the sectors that hired for them with five
# employers each not yet targeted (among the first 500 of those sectors), the author's analyses de
# pratique attached to the action (the link the page shows).
PROSPECTION = """
WITH a AS (
  SELECT a.*, u.prenom AS pilote_prenom, u.nom AS pilote_nom FROM action_prospection a
  JOIN utilisateur u ON u.id = a.pilote_id WHERE a.id = %(action)s AND a.structure_id = %(structure)s),
ciblees AS (
  SELECT c.entreprise_id, e.raison_sociale, e.nom_recherche FROM cible_prospection c
  JOIN entreprise e ON e.id = c.entreprise_id WHERE c.action_id = %(action)s),
metiers AS (
  SELECT m.rome_code, min(m.libelle) AS libelle, pr.valide_le IS NOT NULL AS valide, count(DISTINCT pc.personne_id) AS n
  FROM metier_explore m JOIN projet pr ON pr.id = m.projet_id JOIN parcours pc ON pc.id = pr.parcours_id
  WHERE m.structure_id = %(structure)s AND pr.structure_id = %(structure)s AND pc.structure_id = %(structure)s
    AND pc.statut = 'ouvert' AND m.faisabilite <> 'non_retenue' AND m.rome_code <> ''
  GROUP BY m.rome_code, pr.valide_le IS NOT NULL),
secteurs AS (
  SELECT e.naf_code, f.rome_code, count(c.id) AS n FROM candidature c
  JOIN offre_emploi o ON o.id = c.offre_id JOIN fiche_de_poste f ON f.id = o.fiche_id JOIN entreprise e ON e.id = o.entreprise_id
  WHERE c.structure_id = %(structure)s AND c.etat = 'embauche' AND f.rome_code IN (SELECT rome_code FROM metiers)
    AND e.naf_code <> '' GROUP BY e.naf_code, f.rome_code)
SELECT (SELECT row_to_json(a) FROM a),
  (SELECT json_agg(i ORDER BY i.code) FROM (SELECT i.code, i.cible FROM indicateur_prospection i
     WHERE i.action_id = %(action)s) i),
  (SELECT json_agg(c ORDER BY c.nom_recherche) FROM ciblees c),
  (SELECT json_agg(e) FROM (SELECT * FROM (
     SELECT e.id, e.raison_sociale, e.enseigne FROM entreprise e WHERE e.structure_id = %(structure)s
     ORDER BY e.nom_recherche LIMIT 50) e WHERE e.id NOT IN (SELECT entreprise_id FROM ciblees)) e),
  (SELECT count(*) FROM interaction_entreprise i, a
     WHERE i.structure_id = %(structure)s AND i.le BETWEEN a.debut AND a.fin),
  (SELECT count(*) FROM interaction_entreprise i, a
     WHERE i.structure_id = %(structure)s AND i.le BETWEEN a.debut AND a.fin AND i.nature = 'visite'),
  (SELECT count(*) FROM offre_emploi o, a
     WHERE o.structure_id = %(structure)s AND o.ouverte_le BETWEEN a.debut AND a.fin),
  (SELECT count(*) FROM transition_candidature t, a
     WHERE t.structure_id = %(structure)s AND t.vers = 'embauche' AND t.le BETWEEN a.debut AND a.fin),
  (SELECT json_agg(m) FROM metiers m),
  (SELECT json_agg(s) FROM secteurs s),
  (SELECT json_agg(e) FROM (
     SELECT naf_code, (array_agg(json_build_array(id, raison_sociale) ORDER BY raison_sociale))[1:5] AS employeurs
     FROM (SELECT e.id, e.raison_sociale, e.naf_code FROM entreprise e
           WHERE e.structure_id = %(structure)s AND e.naf_code IN (SELECT naf_code FROM secteurs)
           ORDER BY e.raison_sociale LIMIT 500) e
     WHERE e.id NOT IN (SELECT entreprise_id FROM ciblees) GROUP BY naf_code) e),
  (SELECT json_agg(x) FROM (SELECT ap.id, ap.situation_le FROM analyse_pratique ap WHERE ap.auteur_id = %(moi)s
     AND ap.objet_type = 'action_prospection' AND ap.objet_id = %(action)s ORDER BY ap.situation_le, ap.created_at) x)"""

# The follow-up's page for the conseiller: the follow-up and its person (in the perimeter), its
# points and mediations (their texts as stored, encrypted), the exit of the person's parcours and
# the months already recorded (only when a done M+3 / M+6 point, still in the job, may show it),
# the documents attached to the follow-up and the author's analyses de pratique of it. The page must
# journal the read (SECURITY.md « Audit »): the floor does the same writes, in the same statement,
# and commits them (into the bench's copies of the journal's tables) — the chain's head locked and
# moved on, the row inserted (md5 stands for the HMAC the application computes).
SUIVI = """
WITH s AS (
  SELECT s.*, p.nom, p.prenom FROM suivi_integration s JOIN personne p ON p.id = s.personne_id
  WHERE s.id = %(suivi)s AND s.structure_id = %(structure)s AND p.structure_id = %(structure)s
    AND p.referent_id = %(moi)s),
tete AS (
  UPDATE banc_journal_audit_tete SET rang = rang + 1, empreinte = md5(empreinte || %(suivi)s::text) || md5(%(suivi)s::text)
  WHERE id = 1 AND EXISTS (SELECT 1 FROM s) RETURNING rang, empreinte),
audit AS (
  INSERT INTO banc_journal_audit (at, acteur_id, acteur_libelle, role, structure_id, action, objet_type, objet_id,
                             adresse_ip, agent, motif, details, rang, empreinte_precedente, empreinte, cle_id,
                             sel_provenance, empreinte_provenance)
  SELECT now(), %(moi)s, 'banc', 'conseiller', %(structure)s, 'lecture', 'suivi_integration', %(suivi)s::text,
         '', '', '', '{}', tete.rang, '', tete.empreinte, '', md5(random()::text), md5(random()::text)
  FROM tete RETURNING id),
pts AS (
  SELECT pt.id, pt.jalon, pt.prevu_le, pt.fait_le, pt.avis_personne_chiffre, pt.avis_employeur_chiffre,
         pt.difficultes_chiffre, pt.risque_rupture, pt.toujours_en_poste
  FROM point_suivi_integration pt WHERE pt.suivi_id = %(suivi)s)
SELECT (SELECT row_to_json(s) FROM s), (SELECT id FROM audit),
  (SELECT json_agg(pts ORDER BY pts.prevu_le) FROM pts),
  (SELECT json_agg(m ORDER BY m.le) FROM (
     SELECT m.le, m.participants_chiffre, m.enjeu_chiffre, m.actions_chiffre, m.issue_chiffre
     FROM mediation_integration m WHERE m.suivi_id = %(suivi)s) m),
  (SELECT json_agg(x) FROM (
     SELECT so.sortie_le, ss.mois FROM sortie so LEFT JOIN suivi_sortie ss ON ss.sortie_id = so.id
     WHERE so.id = (SELECT so2.id FROM sortie so2 JOIN parcours pc ON pc.id = so2.parcours_id
                    WHERE pc.personne_id = (SELECT personne_id FROM s) ORDER BY so2.sortie_le DESC LIMIT 1)
       AND EXISTS (SELECT 1 FROM pts WHERE pts.jalon IN ('m3', 'm6') AND pts.fait_le IS NOT NULL
                   AND pts.toujours_en_poste)) x),
  (SELECT json_agg(d ORDER BY d.created_at DESC) FROM (
     SELECT d.id, d.nature, d.nom_fichier_chiffre, d.created_at FROM document_joint d
     WHERE d.personne_id = (SELECT personne_id FROM s) AND d.objet_type = 'suivi_integration'
       AND d.objet_id = %(suivi)s) d),
  (SELECT json_agg(x) FROM (SELECT ap.id, ap.situation_le FROM analyse_pratique ap WHERE ap.auteur_id = %(moi)s
     AND ap.objet_type = 'suivi_integration' AND ap.objet_id = %(suivi)s ORDER BY ap.situation_le, ap.created_at) x)"""

# The intégration overview: the points due up to Sunday (missed ones included) AND the follow-ups of
# the perimeter (latest first, at most 200), with the columns the page shows — POINTS_SEMAINE above
# fetched the points only (and every column).
INTEGRATION_APERCU = """
SELECT (SELECT json_agg(x) FROM (
     SELECT pt.id, pt.suivi_id, pt.prevu_le, pt.jalon, p.nom, p.prenom, s.employeur FROM point_suivi_integration pt
     JOIN suivi_integration s ON s.id = pt.suivi_id JOIN personne p ON p.id = s.personne_id
     WHERE p.structure_id = %(structure)s AND p.referent_id = %(moi)s AND s.statut = 'en_cours'
       AND pt.fait_le IS NULL AND pt.prevu_le <= %(dimanche)s ORDER BY pt.prevu_le LIMIT 200) x),
  (SELECT json_agg(x) FROM (
     SELECT s.id, p.nom, p.prenom, s.intitule_poste, s.employeur, s.debut, s.statut FROM suivi_integration s
     JOIN personne p ON p.id = s.personne_id WHERE p.structure_id = %(structure)s AND p.referent_id = %(moi)s
     ORDER BY s.debut DESC LIMIT 200) x)"""

def verifier_integration(app, conninfo: str, c: dict, dimanche: date) -> bool:
    """The intégration floors (SUIVI, INTEGRATION_APERCU) against what the pages read, for the demo
    conseiller: the overview's two lists, and EVERY follow-up of the caseload (the bench's page
    is the latest one, with nothing done yet; the others have points done, mediations, bilans)."""
    import psycopg
    from sqlalchemy import select

    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.db import db
    from cipdesk.documents_joints import queries as documents
    from cipdesk.integration.suivis import queries
    from cipdesk.integration.suivis.models import SuiviIntegration
    from cipdesk.integration.suivis.routes import _apres_sortie
    from cipdesk.personnes.models import Personne
    from cipdesk.pratique.analyses import queries as analyses

    def lire(sql, parametres):
        with psycopg.connect(conninfo) as conn:
            ligne = conn.execute(sql, parametres).fetchone()
            conn.rollback()   # the floor's audit writes, as the bench does
            return ligne

    def texte(v):
        return None if v is None else str(v)

    bon, ecarts = True, []
    with app.app_context():
        s = db.session
        moi = s.scalar(select(Utilisateur).where(Utilisateur.email == CONSEILLER))
        aujourd_hui = date.today()   # as the bench's `dimanche`
        points, suivis = lire(INTEGRATION_APERCU, {"structure": c["structure"], "moi": c["moi"], "dimanche": dimanche})
        a_faire, visibles = queries.apercu(s, moi, aujourd_hui)
        application = {texte(p.id): (texte(p.suivi_id), texte(p.prevu_le), p.jalon.value, p.nom, p.prenom, p.employeur)
                       for p in a_faire}
        plancher = {p["id"]: (p["suivi_id"], p["prevu_le"], p["jalon"], p["nom"], p["prenom"], p["employeur"])
                    for p in points or []}
        bon &= comparer("intégration : points de la semaine", application, plancher)
        application = [(texte(l.id), l.nom, l.prenom, l.intitule_poste, l.employeur, texte(l.debut), l.statut.value)
                       for l in visibles]
        plancher = [(l["id"], l["nom"], l["prenom"], l["intitule_poste"], l["employeur"], l["debut"], l["statut"])
                    for l in suivis or []]
        bon &= comparer("intégration : suivis du périmètre (dans l'ordre)", dict(enumerate(application)),
                         dict(enumerate(plancher)))
        ids = s.scalars(select(SuiviIntegration.id).join(Personne, Personne.id == SuiviIntegration.personne_id)
                        .where(Personne.structure_id == c["structure"], Personne.referent_id == moi.id)).all()
        compte = {"points": 0, "médiations": 0, "après la sortie": 0, "documents": 0, "analyses": 0}
        for sid in ids:
            suivi = queries.suivi_complet(s, sid)
            (ligne, audit, pts, mediations, apres, docs, miennes) = lire(
                SUIVI, {"structure": c["structure"], "suivi": sid, "moi": c["moi"]})
            app_ = {"suivi": (texte(suivi.id), suivi.personne.nom, suivi.personne.prenom) if
                    queries.garde_suivi(s, moi, suivi, False) else None,
                    "points": sorted((texte(p.id), p.jalon.value, texte(p.prevu_le), texte(p.fait_le), p.risque_rupture,
                                      p.toujours_en_poste) for p in suivi.points),
                    "médiations": sorted((texte(m.le), m.participants_chiffre.hex()) for m in suivi.mediations),
                    "après la sortie": _apres_sortie(suivi),
                    "documents": sorted(texte(d.id) for d in documents.documents_de(
                        s, suivi.personne_id, objet_type="suivi_integration", objet_id=suivi.id)),
                    "analyses": [texte(a.id) for a in analyses.analyses_de(s, moi.id, "suivi_integration", suivi.id)]}
            sortie_le = {x["sortie_le"] for x in apres or []}
            main_ = {"suivi": (ligne["id"], ligne["nom"], ligne["prenom"]) if ligne else None,
                     "points": sorted((p["id"], p["jalon"], p["prevu_le"], p["fait_le"], p["risque_rupture"],
                                       p["toujours_en_poste"]) for p in pts or []),
                     "médiations": sorted((m["le"], m["participants_chiffre"].removeprefix("\\x"))
                                          for m in mediations or []),
                     "après la sortie": (date.fromisoformat(sortie_le.pop()) if sortie_le else None,
                                         {x["mois"] for x in apres or [] if x["mois"] is not None}),
                     "documents": sorted(d["id"] for d in docs or []),
                     "analyses": [a["id"] for a in miennes or []]}
            if audit is None:
                ecarts.append(f"{sid} : le plancher n'écrit pas la ligne d'audit de la lecture")
            for cle in app_:
                if app_[cle] != main_[cle]:
                    ecarts.append(f"{sid} {cle} : application {app_[cle]}, plancher {main_[cle]}")
                elif cle in compte and (app_[cle][0] if cle == "après la sortie" else app_[cle]):
                    compte[cle] += 1
        s.rollback()
    print(f"  {'intégration : page de chaque suivi (' + str(len(ids)) + ')':55} "
          + ("identique (" + ", ".join(f"{n} avec {k}" for k, n in compte.items()) + ")" if not ecarts
             else "DIFFÉRENT"))
    for e in ecarts:
        print("    " + e)
    return bon and not ecarts


def comparer(nom, application, plancher) -> bool:
    if application == plancher:
        print(f"  {nom:55} identique ({len(application)} lignes)")
        return True
    print(f"  {nom:55} DIFFÉRENT")
    for cle in sorted(set(application) | set(plancher), key=str):
        if application.get(cle) != plancher.get(cle):
            print(f"    {cle}: application {application.get(cle)}, plancher {plancher.get(cle)}")
    return False


# The employer search with the columns its lines show (RECHERCHE fetched every column); `naf`: the
# codes the application adds for a text of four letters or more (NAF labels containing it).
RECHERCHE_COLONNES = """
SELECT e.id, e.raison_sociale, e.enseigne, e.siret, e.siren, e.naf_code, e.commune FROM entreprise e
WHERE e.structure_id = %(structure)s
  AND (e.nom_recherche LIKE %(contient)s OR e.commune_recherche LIKE %(debut)s
       OR e.siret LIKE %(chiffres)s OR e.siren LIKE %(siren)s OR e.naf_code = ANY(%(naf)s))
ORDER BY e.nom_recherche LIMIT 50"""


def parametres_recherche(structure, texte: str) -> dict:
    """RECHERCHE_COLONNES's parameters for `texte`, with the conditions the application adds
    (cipdesk.employeurs.entreprises.queries.recherche): SIRET / SIREN for digits, NAF codes."""
    from cipdesk.employeurs.entreprises import rules

    cle = rules.normaliser_texte(texte)
    chiffres = "".join(c for c in texte if c.isdigit())
    numerique = len(chiffres) >= 3 and len(chiffres) == len(texte.replace(" ", ""))
    naf = rules.normaliser_naf(texte)
    codes = [naf] if rules.FORMAT_NAF.match(naf) else [p.code for p in rules.chercher_naf(cle, 40)] if len(cle) >= 4 \
        else []
    return {"structure": structure, "contient": f"%{cle}%", "debut": f"{cle}%",
            "chiffres": f"{chiffres}%" if numerique else "-", "siren": f"{chiffres[:9]}%" if numerique else "-",
            "naf": codes}


def offre_rapprochee(app, structure, equipe):
    """The structure's published offer whose ROME domain matches the most people of the chef's team
    (the matching at work: the latest offer may match nobody). Portable SQL (PostgreSQL, SQLite)."""
    from sqlalchemy import Uuid, bindparam, text

    from cipdesk.core.db import db

    perimetre = PERIMETRE_CHEF.replace("%(structure)s", ":structure").replace("%(equipe)s", ":equipe")
    requete = text("""
        SELECT o.id FROM offre_emploi o JOIN fiche_de_poste f ON f.id = o.fiche_id
        WHERE o.structure_id = :structure AND o.statut = 'publiee' AND f.rome_code <> ''
        ORDER BY (SELECT count(DISTINCT pc.personne_id) FROM parcours pc JOIN projet pr ON pr.parcours_id = pc.id
                  JOIN metier_explore m ON m.projet_id = pr.id JOIN personne p ON p.id = pc.personne_id
                  WHERE """ + perimetre + """ AND pc.statut = 'ouvert'
                    AND m.rome_code LIKE substr(upper(f.rome_code), 1, 3) || '%') DESC, o.ouverte_le DESC LIMIT 1""")
    requete = requete.bindparams(bindparam("structure", type_=Uuid), bindparam("equipe", type_=Uuid)).columns(id=Uuid)
    with app.app_context():
        identifiant = db.session.scalar(requete, {"structure": structure, "equipe": equipe})
        db.session.remove()
    return identifiant


def planchers_des_employeurs(c: dict, recherches, rapprochee) -> dict:
    """name -> (statements, parameters) of the employeurs pages' hand-written floors."""
    offre = {"structure": c["structure"], "equipe": c["equipe"], "chef": c["chef"]}
    planchers = {f"recherche : {nom}": ((COMPTE_DU_CONSEILLER, RECHERCHE_COLONNES),
                                        {**parametres_recherche(c["structure"], texte), "moi": c["moi"]})
                 for nom, texte in recherches}
    planchers["offre"] = ((COMPTE_CONNECTE, OFFRE_RAPPROCHEMENT), {**offre, "offre": c["offre"]})
    if rapprochee is not None:
        planchers["offre la plus rapprochée"] = ((COMPTE_CONNECTE, OFFRE_RAPPROCHEMENT), {**offre, "offre": rapprochee})
    planchers["prospection"] = ((COMPTE_DU_CONSEILLER, PROSPECTION),
                                {"structure": c["structure"], "action": c["action"], "moi": c["moi"]})
    return planchers


def verifier_employeurs(app, conninfo: str, c: dict, recherches, rapprochee, planchers: dict) -> bool:
    """The employeurs floors against what the pages read (the functions their views call): the
    search's lines (same employers, same order, same columns), and for the offer the candidatures
    (names only inside the perimeter, how many others), the people the matching evaluates with
    their métiers and freins, the justifications and the measures. True when all agree."""
    import psycopg
    from sqlalchemy import select

    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.db import db
    from cipdesk.employeurs.candidatures.queries import candidatures_de_l_offre
    from cipdesk.employeurs.entreprises import queries as entreprises
    from cipdesk.employeurs.mesures.queries import mobilisees
    from cipdesk.employeurs.offres.queries import offre_complete
    from cipdesk.employeurs.profils.queries import candidats_au_rapprochement
    from cipdesk.personnes.queries import file_partagee
    from cipdesk.security import policy

    def lire(nom):
        sql, parametres = planchers[nom]
        with psycopg.connect(conninfo) as conn, conn.cursor() as cur:
            lignes = []
            for instruction in sql:
                cur.execute(instruction, parametres)
                lignes.append(cur.fetchall())
            conn.rollback()
        assert len(lignes[0]) == 1, f"{nom} : le compte connecté n'est pas lu"
        return lignes[1:]

    bon = True
    with app.app_context():
        s = db.session
        for nom, texte in recherches:
            (lignes,) = lire(f"recherche : {nom}")
            bon &= comparer(f"recherche d'entreprise : {nom} ({texte})",
                            dict(enumerate(tuple(l) for l in entreprises.resultats(s, c["structure"], texte))),
                            dict(enumerate(tuple(l) for l in lignes)))
        chef = s.scalar(select(Utilisateur).where(Utilisateur.email == CHEF))
        perimetre = policy.perimetre(chef, file_active_partagee=file_partagee(chef))
        for nom, offre_id in (("offre", c["offre"]), ("offre la plus rapprochée", rapprochee)):
            if offre_id is None:
                continue
            [(o, justifications, candidatures, rapproches, mesures)] = lire(nom)[0]
            offre = offre_complete(s, offre_id)
            bon &= comparer(f"{nom} : l'offre", {"offre": (str(offre.id), offre.intitule, offre.statut.value)},
                            {"offre": (o["id"], o["intitule"], o["statut"])})
            visibles, autres = candidatures_de_l_offre(s, chef, offre_id, perimetre=perimetre)
            bon &= comparer(f"{nom} : candidatures", {str(v.id): (v.nom, v.prenom, v.etat.value) for v in visibles}
                            | {"autres": autres},
                            {x["id"]: (x["nom"], x["prenom"], x["etat"]) for x in candidatures or () if x["nom"]}
                            | {"autres": sum(1 for x in candidatures or () if not x["nom"])})
            personnes, situations = candidats_au_rapprochement(s, chef, offre, perimetre=perimetre)
            bon &= comparer(f"{nom} : personnes rapprochées (métiers, freins)",
                            {str(p.id): (p.nom, sorted((m[0], m[2]) for m in situations[p.id].metiers),
                                         sorted((f[0], f[2]) for f in situations[p.id].freins)) for p in personnes},
                            {r["id"]: (r["nom"], sorted((m[0], m[2] is not None) for m in r["metiers"] or ()),
                                       sorted((f[0], f[2]) for f in r["freins"] or ())) for r in rapproches or ()})
            bon &= comparer(f"{nom} : justifications et mesures",
                            {"justifications": sorted(j.cle for j in offre.justifications),
                             "mesures": len(mobilisees(s, offre_id=offre_id))},
                            {"justifications": sorted(j["cle"] for j in justifications or ()),
                             "mesures": len(mesures or ())})
        s.rollback()
    return bon


# -- measuring --------------------------------------------------------------------------------------
def connecter(client, email: str) -> None:
    page = client.get("/connexion").get_data(as_text=True)
    jeton = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    reponse = client.post("/connexion", data={"email": email, "mot_de_passe": MOT_DE_PASSE, "csrf_token": jeton})
    assert reponse.status_code == 303, (email, reponse.status_code)


def mesurer(client, url: str, n: int) -> list[float]:
    for _ in range(5):
        assert client.get(url).status_code == 200, url
    durees = []
    for _ in range(n):
        debut = time.perf_counter()
        reponse = client.get(url)
        durees.append((time.perf_counter() - debut) * 1000)
        assert reponse.status_code == 200, (url, reponse.status_code)
    return durees


def contexte_du_banc(app) -> dict:
    """Ids and values the URLs need, for the demo chef and the demo candidat (structure Lille)."""
    from sqlalchemy import func, select

    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.db import db
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.offres.models import Offre
    from cipdesk.employeurs.prospection.models import ActionProspection
    from cipdesk.integration.suivis.models import SuiviIntegration
    from cipdesk.personnes.models import Personne

    with app.app_context():
        s = db.session
        chef = s.scalar(select(Utilisateur).where(Utilisateur.email == CHEF))
        moi = s.scalar(select(Utilisateur).where(Utilisateur.email == CONSEILLER))
        structure = chef.structure_id
        # a mid-sized employer for the searches, an offer of the structure with candidatures
        e = s.scalars(select(Entreprise).where(Entreprise.structure_id == structure, Entreprise.commune != "")
                      .order_by(Entreprise.nom_recherche).offset(500).limit(1)).one()
        offre = s.scalar(select(Offre.id).where(Offre.structure_id == structure, Offre.statut == "publiee")
                         .order_by(Offre.ouverte_le.desc()).limit(1))
        action = s.scalar(select(ActionProspection.id).where(ActionProspection.structure_id == structure)
                          .order_by(ActionProspection.debut.desc()).limit(1))
        suivi = s.scalar(select(SuiviIntegration.id).join(Personne, Personne.id == SuiviIntegration.personne_id)
                         .where(Personne.referent_id == moi.id).order_by(SuiviIntegration.debut.desc()).limit(1))
        volumes = {m.__name__: s.scalar(select(func.count()).select_from(m))
                   for m in (Personne, Entreprise, Offre, SuiviIntegration)}
        from cipdesk.employeurs.interactions.models import Interaction
        from cipdesk.integration.points.models import PointSuivi
        from cipdesk.parcours.entretiens.models import Entretien
        from cipdesk.parcours.projet.models import MetierExplore, Projet

        # the projets and their métiers: what the offer's matching and the prospection's targets read
        volumes.update({m.__name__: s.scalar(select(func.count()).select_from(m))
                        for m in (Interaction, PointSuivi, Entretien, Projet, MetierExplore)})
        equipe = s.scalar(select(func.count()).select_from(Personne).join(
            Utilisateur, Utilisateur.id == Personne.referent_id).where(Utilisateur.equipe_id == chef.equipe_id))
        return {"structure": structure, "equipe": chef.equipe_id, "chef": chef.id, "moi": moi.id, "entreprise": e, "offre": offre,
                "action": action, "suivi": suivi, "volumes": volumes, "personnes_equipe": equipe}


# -- wiring and checking the other views' floors ------------------------------------------------------
def planchers_des_vues(app, c: dict, equipe: dict) -> tuple[dict, dict]:
    """The hand-written floors of the dashboard's other views (by slug) and of the funders' report,
    caseload balance and team workload pages (by page name), with their parameters: the structure's
    settings the rules read (delays, thresholds) are read here, as the page reads them."""
    from sqlalchemy import select

    from cipdesk.accueil.orientation import rules as orientation
    from cipdesk.comptes.models import Structure
    from cipdesk.core.db import db
    from cipdesk.employeurs.candidatures import rules as candidatures
    from cipdesk.parcours.contrat import rules as contrat
    from cipdesk.pratique.prevention.rules import semaine_de
    from cipdesk.referentiel import CODES_COMPETENCES
    from cipdesk.tableau.rules import moins_mois

    with app.app_context():
        parametres = db.session.scalar(select(Structure.parametres).where(Structure.id == c["structure"])) or {}
    j = equipe["aujourdhui"]
    lundi, dimanche = semaine_de(j)
    equipe = {**equipe, "chef": c["chef"],
              "seuil_jours": int(parametres.get("jours_sans_contact") or contrat.JOURS_SANS_CONTACT_DEFAUT),
              "codes_cp": [code for code in CODES_COMPETENCES if code.startswith("CP")]}
    sortie = {**equipe, "echue_3": moins_mois(j, 3), "echue_6": moins_mois(j, 6)}
    charge = {**equipe, "chef": c["chef"], "delai_orientation": orientation.delai_reponse(parametres),
              "six_mois": j - timedelta(days=183), "trente_jours": j - timedelta(days=30),
              "delai_candidature": candidatures.delai_relance(parametres),
              "seuil_jours": int(parametres.get("jours_sans_contact") or contrat.JOURS_SANS_CONTACT_DEFAUT),
              "fin_prevue": j + timedelta(days=contrat.JOURS_FIN_CONTRAT), "lundi": lundi, "dimanche": dimanche}
    # Every view: the connected account, the filters' choices (shown beside the figures), the view's figures,
    # the team's open workload alerts (full page); the first view also lists the team's candidats.
    vues = {"activite": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, ACTIVITE, CANDIDATS, ALERTES_CHARGE_OUVERTES), equipe),
            "delais": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, DELAIS, ALERTES_CHARGE_OUVERTES), equipe),
            "a-surveiller": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, A_SURVEILLER, ALERTES_CHARGE_OUVERTES), equipe),
            "apres-sortie": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, APRES_SORTIE, ALERTES_CHARGE_OUVERTES), sortie),
            "ateliers": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, ATELIERS, ALERTES_CHARGE_OUVERTES), equipe),
            "prospection": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, VUE_PROSPECTION, ALERTES_CHARGE_OUVERTES), equipe),
            "integration": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, INTEGRATION, ALERTES_CHARGE_OUVERTES), equipe),
            "prevention": ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, PREVENTION, ALERTES_CHARGE_OUVERTES), equipe)}
    autres = {"tableau de bord : financeurs (FSE+, PLIE, IAE)":
              ((COMPTE_CONNECTE, CHOIX_DES_FILTRES, FSE_PARTICIPANTS, FSE_SORTIES), equipe),
              "tableau de bord : portefeuilles": ((COMPTE_CONNECTE, PORTEFEUILLES, SANS_REFERENT), equipe),
              "charge de l'équipe (Ma pratique)":
              ((COMPTE_CONNECTE, CHARGE_EQUIPE, ALERTES_CHARGE_EQUIPE, INCIDENTS_EQUIPE), charge)}
    return vues, autres


def verifier(app, conninfo: str, c: dict, vues: dict, autres: dict, rapprochee=None) -> bool:
    """Each hand-written floor against the application's own figures on this base (the functions the
    pages call, for the demo chef, default period): a floor that does not fetch the page's rows is no
    floor. Prints the differences; True when every floor agrees."""
    import psycopg
    from sqlalchemy import select

    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.db import db
    from cipdesk.core.listes import valeurs as valeurs_de_liste
    from cipdesk.pratique.prevention import queries as prevention
    from cipdesk.tableau import queries

    def lire(sql, parametres):
        """Each statement's rows, by statement."""
        with psycopg.connect(conninfo) as conn, conn.cursor() as cur:
            resultats = {}
            for instruction in sql:
                cur.execute(instruction, parametres)
                resultats[instruction] = cur.fetchall()
            conn.rollback()
            return resultats

    bon = True
    with app.app_context():
        s = db.session
        chef = s.scalar(select(Utilisateur).where(Utilisateur.email == CHEF))
        ctx = queries.contexte(s, chef, vues["delais"][1]["aujourdhui"])
        choix = queries.choix_des_filtres(s, chef, ctx)

        def comparer_choix(nom, lu) -> bool:
            """The filters' choices the page shows (and the settings it reads) against the floor's."""
            plancher = {}
            for genre, cle, libelle in lu[CHOIX_DES_FILTRES]:
                if genre == "parametres":
                    plancher[("parametres", "")] = json.loads(libelle) if libelle else {}
                elif genre == "dispositif":
                    plancher[(genre, cle)] = libelle
                else:
                    plancher[(genre, str(uuid.UUID(cle)))] = libelle
            application = {("parametres", ""): ctx.parametres}
            application |= {("conseiller", i): n for i, n in choix["conseiller"].items()}
            application |= {("equipe", i): n for i, n in choix["equipe"].items()}
            # the structure's own values of the list (the defaults are in the code, not in a table)
            application |= {("dispositif", v.code): v.libelle for v in valeurs_de_liste(s, chef.structure_id, "dispositif")
                            if v.code in {cle for g, cle in plancher if g == "dispositif"} or v.ajoutee}
            return comparer(f"{nom} : choix des filtres et paramètres", application, plancher)

        for slug, _titre, codes in queries.ONGLETS:
            if slug not in vues:
                continue
            sql, parametres = vues[slug]
            figures = queries.tableau_de_bord(s, ctx, codes)
            application = {(code, l.cle): (l.nombre, l.total_jours, l.max_jours)
                           for code, ch in figures.items() for l in ch.lignes if l.nombre}
            lu = lire(sql, parametres)
            lignes = next(v for k, v in lu.items() if k not in (COMPTE_CONNECTE, CHOIX_DES_FILTRES, CANDIDATS,
                                                                  ALERTES_CHARGE_OUVERTES))
            plancher = {(code, cle or queries.AUCUN): (n, int(somme or 0), maxi)
                        for code, cle, n, somme, maxi in lignes if n}
            bon &= comparer(f"vue {slug}", application, plancher)
            bon &= comparer_choix(f"vue {slug}", lu)
            bon &= comparer(f"vue {slug} : alertes de charge ouvertes",
                            {a.id: a.file_active for a in queries.alertes_de_charge_ouvertes(s, chef)},
                            {a[0]: a[2] for a in lu[ALERTES_CHARGE_OUVERTES]})
            if CANDIDATS in lu:
                bon &= comparer(f"vue {slug} : candidat·es au titre",
                                {ca.utilisateur_id: ca.competences_couvertes for ca in queries.candidats_de_l_equipe(s, chef)},
                                {r[0]: r[5] for r in lu[CANDIDATS]})
        nom = "tableau de bord : financeurs (FSE+, PLIE, IAE)"
        lu = lire(*autres[nom])
        bon &= comparer_choix("financeurs", lu)
        participants, sorties = lu[FSE_PARTICIPANTS], lu[FSE_SORTIES]
        bon &= comparer("financeurs : participants", {p.personne_id: (p.entree, p.sortie, p.situation)
                                                      for p in queries.participants_fse(s, ctx)},
                        {r[0]: (r[7], r[9], r[10] or "inconnu") for r in participants})
        motifs, categories = {}, {}
        for motif, categorie, n in sorties:
            motifs[motif] = motifs.get(motif, 0) + n
            categories[categorie] = categories.get(categorie, 0) + n
        motifs_page, iae = queries.sorties_plie_et_iae(s, ctx)
        bon &= comparer("financeurs : sorties par motif", motifs_page, motifs)
        bon &= comparer("financeurs : sorties par catégorie", {l.cle: l.nombre for l in iae.lignes if l.nombre},
                        categories)
        lu = lire(*autres["tableau de bord : portefeuilles"])
        comptes, sans = lu[PORTEFEUILLES], lu[SANS_REFERENT]
        bon &= comparer("portefeuilles : par conseiller·ère", {i: n for i, _nom, n in queries.portefeuilles(s, ctx)},
                        {r[0]: r[3] for r in comptes})
        bon &= comparer("portefeuilles : sans référent·e",
                        {p.id: p.statut.value for p in queries.sans_referent(s, chef.structure_id)},
                        {r[0]: r[4] for r in sans})
        from cipdesk.personnes.queries import mes_alertes_les_plus_graves
        from cipdesk.personnes.routes import LIMITE_ALERTES_EQUIPE

        premiers = lire(*autres["accueil du chef (alertes)"])[ALERTES_CHEF]
        page, en_tout = mes_alertes_les_plus_graves(s, chef, vues["delais"][1]["aujourdhui"], LIMITE_ALERTES_EQUIPE)
        bon &= comparer("accueil du chef : les 50 personnes aux alertes les plus graves, dans l'ordre, et le total",
                        {"ordre": [p.id for p, _a in page], "en tout": en_tout},
                        {"ordre": [r[0] for r in premiers], "en tout": premiers[0][-1] if premiers else 0})
        lu = lire(*autres["charge de l'équipe (Ma pratique)"])
        charges, alertes, incidents = lu[CHARGE_EQUIPE], lu[ALERTES_CHARGE_EQUIPE], lu[INCIDENTS_EQUIPE]
        j = vues["delais"][1]["aujourdhui"]
        bon &= comparer("charge de l'équipe : par conseiller·ère",
                        {u.id: (ch.file_active, ch.entretiens_semaine, ch.en_retard)
                         for u, ch, _s in prevention.charges_de_l_equipe(s, chef, j)},
                        {r[0]: (r[3], r[4], r[5]) for r in charges})
        bon &= comparer("charge de l'équipe : alertes de charge",
                        {a.id: a.en_retard for a in prevention.alertes_de_charge(s, chef.structure_id,
                                                                                equipe_id=chef.equipe_id)},
                        {r[0]: r[5] for r in alertes})
        bon &= comparer("charge de l'équipe : incidents", {i.id: i.survenu_le
                                                           for i in prevention.incidents_visibles(s, chef)},
                        {r[0]: r[1] for r in incidents})
        if rapprochee is not None:
            bon &= verifier_rapprochement(s, lire, c, chef, rapprochee, comparer)
        s.rollback()
    return bon


def verifier_rapprochement(s, lire, c: dict, chef, offre_id, comparer) -> bool:
    """The floor of the offer's matching fetches the people the application weighs (before its rules,
    applied in Python, keep or set some aside), with the métiers of their open parcours."""
    from unittest import mock

    from cipdesk.employeurs.offres.models import Offre
    from cipdesk.employeurs.profils import queries as profils, rules

    def tous(_exigences, situation, _jour):   # every person the query fetched, with their métiers
        return rules.Resultat(retenu=True, raisons=[tuple(sorted(m[0] for m in situation.metiers))])

    offre = s.get(Offre, offre_id)
    retenus = profils.rapprochement(s, chef, offre, date.today())
    with mock.patch.object(rules, "evaluer", tous):
        application = {str(r.personne.id): (r.personne.nom, r.personne.prenom, r.raisons[0])
                       for r in profils.rapprochement(s, chef, offre, date.today())}
    (ligne,) = lire([OFFRE_RAPPROCHEMENT], {"structure": c["structure"], "equipe": c["equipe"],
                                            "offre": offre_id})[OFFRE_RAPPROCHEMENT]
    plancher = {p["id"]: (p["nom"], p["prenom"], tuple(sorted(m[0] for m in p["metiers"] or ())))
                for p in ligne[3] or ()}
    print(f"  (offre la plus rapprochée : {len(plancher)} personnes rapprochées, {len(retenus)} retenues par les règles)")
    return comparer("offre la plus rapprochée : personnes et métiers", application, plancher)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", nargs="?", const="employeurs,integration", default="",
                        help="lancer seulement les générateurs à l'échelle de ces modules (codes séparés par des "
                             "virgules ; seul : employeurs,integration) sur la base existante, puis sortir ; "
                             "« parcours » (projets et métiers explorés) est idempotent")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--pages", default="", help="ne mesurer que les pages dont le nom contient ce texte")
    parser.add_argument("--resultats", default=str(RACINE / "bench" / "RESULTS.md"))
    parser.add_argument("--verifier", action="store_true",
                        help="comparer les chiffres de chaque plancher écrit à la main à ceux de l'application, puis sortir")
    args = parser.parse_args()

    from cipdesk import create_app
    from cipdesk.employeurs.entreprises.rules import normaliser_texte

    app = create_app()
    gc.freeze()   # as cipdesk/wsgi.py does in production
    if args.modules:
        generer_modules(app, tuple(c.strip() for c in args.modules.split(",") if c.strip()), args.seed)
        return
    url_bd = app.config["SQLALCHEMY_DATABASE_URI"]
    sqlite = url_bd.startswith("sqlite:///")
    if not (sqlite or url_bd.startswith("postgresql")):
        raise SystemExit("Ce banc mesure PostgreSQL ou SQLite (DATABASE_URL).")
    conninfo = url_bd.replace("postgresql+psycopg://", "postgresql://")
    if not sqlite:
        preparer_le_journal_du_banc(conninfo)
    c = contexte_du_banc(app)
    e = c["entreprise"]
    aujourd_hui = date.today()
    dimanche = aujourd_hui + timedelta(days=6 - aujourd_hui.weekday())
    debut_periode = date(aujourd_hui.year - 1, aujourd_hui.month, 1) + timedelta(days=31)
    debut_periode = debut_periode.replace(day=1)
    mot = normaliser_texte(e.raison_sociale).split()[0][:5]
    commune = normaliser_texte(e.commune)[:5]
    rapprochee = offre_rapprochee(app, c["structure"], c["equipe"])
    recherches = (("nom", mot), ("SIRET", e.siret[:6]), ("commune", commune), ("NAF", e.naf_code))
    planchers_employeurs = planchers_des_employeurs(c, recherches, rapprochee)
    alertes_du_chef = ((COMPTE_CONNECTE, ALERTES_CHEF), {
        "chef": c["chef"], "structure": c["structure"], "equipe": c["equipe"], "aujourdhui": aujourd_hui,
        "seuil": aujourd_hui - timedelta(days=30), "relance": aujourd_hui - timedelta(days=15),
        "a_clore": aujourd_hui - timedelta(days=30), "fin_prevue": aujourd_hui + timedelta(days=30),
        "six_mois": aujourd_hui - timedelta(days=183)})
    # (page, role, URL, hand-written floor or None)
    pages = [
        *((f"recherche d'entreprise : {nom}", CONSEILLER, f"/employeurs/entreprises/?q={texte}",
           planchers_employeurs[f"recherche : {nom}"]) for nom, texte in recherches),
        *((f"recherche d'entreprise à la frappe (fragment htmx) : {nom}", CONSEILLER_HTMX,
           f"/employeurs/entreprises/?q={texte}", planchers_employeurs[f"recherche : {nom}"])
          for nom, texte in recherches),
        ("offre et son rapprochement (équipe)", CHEF, f"/employeurs/offres/{c['offre']}",
         planchers_employeurs["offre"]),
        ("action de prospection", CONSEILLER, f"/employeurs/prospection/{c['action']}",
         planchers_employeurs["prospection"]),
        ("intégration : page d'un suivi", CONSEILLER, f"/integration/suivis/{c['suivi']}",
         (SUIVI, {"structure": c["structure"], "suivi": c["suivi"], "moi": c["moi"]})),
        ("intégration : points de la semaine", CONSEILLER, "/integration/",
         (INTEGRATION_APERCU, {"structure": c["structure"], "moi": c["moi"], "dimanche": dimanche})),
        # like the views' floors: the connected account's read, then the alerts
        ("accueil du chef (alertes)", CHEF, "/", alertes_du_chef),
    ]
    if rapprochee is not None:   # the matching at work
        pages.append(("offre et son rapprochement (équipe, offre la plus rapprochée)", CHEF,
                      f"/employeurs/offres/{rapprochee}", planchers_employeurs["offre la plus rapprochée"]))
    from cipdesk.tableau.queries import ONGLETS

    equipe = {"structure": c["structure"], "equipe": c["equipe"], "debut": debut_periode, "fin": aujourd_hui,
              "aujourdhui": aujourd_hui, "seuil": aujourd_hui - timedelta(days=30)}
    vues, autres = planchers_des_vues(app, c, equipe)
    MAIN_PAR_VUE = vues
    if args.verifier:
        bon = verifier(app, conninfo, c, vues, autres | {"accueil du chef (alertes)": alertes_du_chef}, rapprochee)
        bon &= verifier_integration(app, conninfo, c, dimanche)
        bon &= verifier_employeurs(app, conninfo, c, recherches, rapprochee, planchers_employeurs)
        raise SystemExit(0 if bon else 1)

    for slug, titre, _codes in ONGLETS:
        pages.append((f"tableau de bord : {titre}", CHEF, f"/tableau-de-bord/?section={slug}",
                      MAIN_PAR_VUE[slug] if slug in MAIN_PAR_VUE else None))
    pages += [("tableau de bord : financeurs (FSE+, PLIE, IAE)", CHEF, "/tableau-de-bord/financeurs",
               autres["tableau de bord : financeurs (FSE+, PLIE, IAE)"]),
              ("tableau de bord : portefeuilles", CHEF, "/tableau-de-bord/portefeuilles",
               autres["tableau de bord : portefeuilles"]),
              ("charge de l'équipe (Ma pratique)", CHEF, "/pratique/prevention/equipe",
               autres["charge de l'équipe (Ma pratique)"])]
    if args.pages:
        pages = [p for p in pages if args.pages in p[0]]
    clients = {}
    for email in (CHEF, CONSEILLER, CONSEILLER_HTMX):
        clients[email] = app.test_client()
        connecter(clients[email], email.removesuffix(" (htmx)"))
    clients[CONSEILLER_HTMX].environ_base["HTTP_HX_REQUEST"] = "true"
    resultats = []
    for nom, email, url, main_ in pages:
        charge_avant = os.getloadavg()[0]
        client = clients[email]
        page = mesurer(client, url, args.requests)
        instructions = capturer(app, client, url)
        if sqlite:   # the hand-written floors are PostgreSQL's (MATERIALIZED, ANY, casts): not on SQLite
            requetes = rejouer_sqlite(url_bd.removeprefix("sqlite:///"), instructions, args.requests)
            manuel = None
        else:
            requetes = rejouer(conninfo, instructions, args.requests)
            manuel = a_la_main(conninfo, main_[0], main_[1], args.requests) if main_ else None
        charge = (charge_avant + os.getloadavg()[0]) / 2
        ligne = (nom, "chef" if email == CHEF else "conseiller", page, requetes, manuel, len(instructions), charge)
        resultats.append(ligne)
        print(f"{nom:55} p95 {centile(page, 95):7.1f} ms  requêtes ({len(instructions)}) {centile(requetes, 95):6.1f} ms"
              + (f"  à la main {centile(manuel, 95):6.1f} ms" if manuel else "") + f"  charge {charge:.1f}", flush=True)
    ecrire(args, c, resultats, "SQLite" if sqlite else "PostgreSQL")


def ecrire(args, c, resultats, moteur: str = "PostgreSQL") -> None:
    v = c["volumes"]
    lignes = [f"\n\n### {datetime.now():%Y-%m-%d %H:%M} — employeurs (#13), intégration (#14), tableau de bord (#17) : "
              f"{moteur}, {args.requests} requêtes séquentielles par page (`bench/tableau.py`)\n",
              "Volumes : " + ", ".join(f"{k} {n:,}".replace(",", " ") for k, n in v.items())
              + f" ; équipe du chef de démonstration : {c['personnes_equipe']:,} personnes.".replace(",", " "),
              "Mesure dans le processus (client de test Flask : toute la pile WSGI, sans réseau). Plancher « requêtes » : "
              "les lectures SQL de la page rejouées hors de l'application (psycopg nu, en autocommit ; les écritures du "
              "journal d'audit, chaînées par rang, ne peuvent pas être rejouées) ; "
              "plancher « à la main » : SQL écrit à la main qui ramène les mêmes lignes (`--verifier`), avec la lecture "
              "du compte connecté et, pour une page qui journalise une lecture, l'écriture d'audit validée (COMMIT) "
              "dans des copies des tables du journal. "
              "Charge : moyenne sur 1 minute (`os.getloadavg`) avant et après la page, machine partagée à 2 cœurs.\n",
              "| page | rôle | p50 (ms) | p95 (ms) | requêtes SQL | plancher requêtes p95 (ms) | ratio | plancher à la main p95 (ms) | ratio | charge |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for nom, role, page, requetes, manuel, n, charge in resultats:
        p95 = centile(page, 95)
        r95 = centile(requetes, 95)
        m95 = centile(manuel, 95) if manuel else None
        lignes.append(f"| {nom} | {role} | {statistics.median(page):.1f} | {p95:.1f} | {n} | {r95:.1f} | "
                      f"{p95 / r95:.1f} | " + (f"{m95:.1f} | {p95 / m95:.1f}" if m95 else "— | —") + f" | {charge:.1f} |")
    texte = "\n".join(lignes) + "\n"
    print(texte)
    with open(args.resultats, "a", encoding="utf-8") as f:
        f.write(texte)


if __name__ == "__main__":
    main()
