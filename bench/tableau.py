"""Benchmark of the pages named by issues #13 (employeurs), #14 (intégration) and #17 (tableau
de bord du chef de service), each against two floors:

- **plancher « requêtes »**: the very SQL statements the page sent (captured once with their
  parameters), replayed outside the application on a bare psycopg connection, in one
  transaction rolled back (so the audit writes are replayed too, and leave nothing): the cost of
  the page's database work without Flask, the ORM or the templates;
- **plancher « à la main »** (where written, `PLANCHERS_A_LA_MAIN`): SQL written by hand that
  fetches the same rows the fastest way PostgreSQL allows (one statement, the indexes of
  migration 0019_bancs), for the targets with a number (search as you type ≤ 50 ms, the chef's
  alerts < 50 ms, each dashboard view ≤ 150 ms).

    set -a; . /tmp/bancs/env.sh; set +a     # DATABASE_URL (PostgreSQL), CIPDESK_KEK, SECRET_KEY
    python -m bench.echelle federation --reset        # or an existing federation base, then:
    python -m bench.tableau --modules                 # employeurs + intégration generators, if missing
    python -m bench.tableau --requests 60             # measure, append a table to bench/RESULTS.md

Measures in process through the Flask test client (the whole WSGI stack, no network), one
request at a time, after 5 warm-up requests per page; reports p50/p95 and the machine's load
(`os.getloadavg`) before and after each page (the machine is shared)."""
from __future__ import annotations

import argparse
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
    """Replay the captured statements on a bare psycopg connection, each run in a transaction
    rolled back; returns the durations (ms)."""
    import psycopg

    durees = []
    with psycopg.connect(conninfo) as conn:
        for i in range(n + 3):
            debut = time.perf_counter()
            with conn.cursor() as cur:
                for instruction, parametres, executemany in instructions:
                    if not instruction.lstrip().upper().startswith(("SELECT", "WITH")):
                        continue   # the audit trail's chained writes cannot be replayed (unique rank)
                    if executemany:
                        cur.executemany(instruction, parametres)
                    else:
                        cur.execute(instruction, parametres or None)
                        if cur.description is not None:
                            cur.fetchall()
            conn.rollback()
            if i >= 3:
                durees.append((time.perf_counter() - debut) * 1000)
    return durees


def rejouer_sqlite(chemin: str, instructions, n: int) -> list[float]:
    """The same floor on SQLite (structure scale, issue #17): the captured reads replayed with sqlite3."""
    import sqlite3

    durees = []
    conn = sqlite3.connect(chemin)
    try:
        for i in range(n + 3):
            debut = time.perf_counter()
            for instruction, parametres, executemany in instructions:
                if not instruction.lstrip().upper().startswith(("SELECT", "WITH")) or executemany:
                    continue
                conn.execute(instruction, parametres or ()).fetchall()
            conn.rollback()
            if i >= 3:
                durees.append((time.perf_counter() - debut) * 1000)
    finally:
        conn.close()
    return durees


def a_la_main(conninfo: str, sql: str | tuple[str, ...], parametres: dict, n: int) -> list[float]:
    """`sql`: one statement, or the few a view needs (e.g. its figures and the team's candidats)."""
    import psycopg

    durees = []
    with psycopg.connect(conninfo) as conn:
        for i in range(n + 3):
            debut = time.perf_counter()
            with conn.cursor() as cur:
                for instruction in ((sql,) if isinstance(sql, str) else sql):
                    cur.execute(instruction, parametres)
                    cur.fetchall()
            conn.rollback()
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
# alert of the ten providers, each with its codes (the page then shows the 50 gravest and the
# total). The same filters as the providers' rules (checked against the page: same people, same
# alerts): candidature after 15 days (≥), the risk of rupture of the latest point done of a
# suivi, repeated no-shows (2 of the 3 latest noted rendez-vous of 6 months). It does not read
# what the labels show (partner, atelier, offer names): a floor slightly below the page's work.
ALERTES_CHEF = """
WITH equipe AS MATERIALIZED (
  SELECT p.id FROM personne p JOIN utilisateur u ON u.id = p.referent_id
  WHERE p.structure_id = %(structure)s AND u.equipe_id = %(equipe)s
    AND p.statut IN ('accueillie', 'accompagnee', 'orientee')),
alertes AS (
  SELECT u.personne_id, 'urgence' AS code FROM urgence u
    WHERE u.personne_id IN (SELECT id FROM equipe) AND u.traitee_le IS NULL
  UNION ALL
  SELECT o.personne_id, 'orientation' FROM orientation o
    WHERE o.personne_id IN (SELECT id FROM equipe) AND o.reponse = 'en_attente'
      AND o.date_orientation < %(relance)s
  UNION ALL
  SELECT DISTINCT pc.personne_id, 'etape' FROM parcours pc JOIN etape e ON e.parcours_id = pc.id
    WHERE pc.personne_id IN (SELECT id FROM equipe) AND pc.statut = 'ouvert'
      AND e.statut IN ('prevue', 'en_cours', 'reportee') AND e.echeance < %(aujourdhui)s
  UNION ALL
  SELECT p.id, 'sans_contact' FROM personne p JOIN parcours pc ON pc.personne_id = p.id AND pc.statut = 'ouvert'
    WHERE p.id IN (SELECT id FROM equipe) AND coalesce(p.dernier_contact_le, pc.debut) < %(seuil)s
  UNION ALL
  SELECT pc.personne_id, 'fin_prevue' FROM parcours pc
    WHERE pc.personne_id IN (SELECT id FROM equipe) AND pc.statut = 'ouvert' AND pc.fin_prevue <= %(fin_prevue)s
  UNION ALL
  SELECT DISTINCT i.personne_id, 'absence' FROM presence_atelier pr JOIN inscription_atelier i ON i.id = pr.inscription_id
    JOIN demi_journee d ON d.id = pr.demi_journee_id
    WHERE pr.statut = 'absent' AND i.personne_id IN (SELECT id FROM equipe) AND d.le BETWEEN %(seuil)s AND %(aujourdhui)s
  UNION ALL
  SELECT it.personne_id, 'action_employeur' FROM interaction_entreprise it
    WHERE it.personne_id IN (SELECT id FROM equipe) AND it.action_faite_le IS NULL AND it.echeance < %(aujourdhui)s
  UNION ALL
  SELECT c.personne_id, 'candidature' FROM candidature c
    WHERE c.personne_id IN (SELECT id FROM equipe) AND c.etat IN ('envoyee', 'entretien') AND c.etat_depuis <= %(relance)s
  UNION ALL
  SELECT s.personne_id, 'integration' FROM point_suivi_integration pt JOIN suivi_integration s ON s.id = pt.suivi_id
    WHERE s.personne_id IN (SELECT id FROM equipe) AND s.statut = 'en_cours'
      AND pt.fait_le IS NULL AND pt.prevu_le < %(aujourdhui)s
  UNION ALL
  SELECT d.personne_id, 'rupture' FROM (
    SELECT DISTINCT ON (pt.suivi_id) s.personne_id, pt.risque_rupture FROM point_suivi_integration pt
      JOIN suivi_integration s ON s.id = pt.suivi_id
      WHERE s.personne_id IN (SELECT id FROM equipe) AND s.statut = 'en_cours' AND pt.fait_le IS NOT NULL
      ORDER BY pt.suivi_id, pt.prevu_le DESC) d WHERE d.risque_rupture
  UNION ALL
  SELECT r.personne_id, 'absences_repetees' FROM (
    SELECT rv.personne_id, rv.presence,
           row_number() OVER (PARTITION BY rv.personne_id ORDER BY rv.le DESC, rv.heure DESC) AS rang
      FROM rendez_vous rv
      WHERE rv.personne_id IN (SELECT id FROM equipe) AND rv.presence IS NOT NULL AND rv.annule_le IS NULL
        AND rv.le >= %(six_mois)s) r
    WHERE r.rang <= 3 GROUP BY r.personne_id HAVING count(*) FILTER (WHERE r.presence = 'non_honore') >= 2)
SELECT p.id, p.nom, p.prenom, r.prenom, r.nom, array_agg(a.code)
FROM alertes a JOIN personne p ON p.id = a.personne_id LEFT JOIN utilisateur r ON r.id = p.referent_id
GROUP BY p.id, p.nom, p.prenom, r.prenom, r.nom ORDER BY p.nom, p.prenom"""

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
SELECT 'file_active', e.referent_id::text, count(DISTINCT pc.personne_id) FROM parcours pc
  JOIN equipe e ON e.id = pc.personne_id LEFT JOIN sortie so ON so.parcours_id = pc.id
  WHERE pc.debut <= %(fin)s AND (so.id IS NULL OR so.sortie_le >= %(debut)s) GROUP BY 2
UNION ALL
SELECT 'entrees', to_char(pc.debut, 'YYYY-MM'), count(*) FROM parcours pc JOIN equipe e ON e.id = pc.personne_id
  WHERE pc.debut BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'sorties_mois', to_char(so.sortie_le, 'YYYY-MM'), count(*) FROM sortie so
  JOIN parcours pc ON pc.id = so.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE so.sortie_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'sorties_categorie', so.categorie, count(*) FROM sortie so
  JOIN parcours pc ON pc.id = so.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE so.sortie_le BETWEEN %(debut)s AND %(fin)s GROUP BY 2
UNION ALL
SELECT 'entretiens', en.conseiller_id::text, count(*) FROM entretien en
  JOIN parcours pc ON pc.id = en.parcours_id JOIN equipe e ON e.id = pc.personne_id
  WHERE en.le BETWEEN %(debut)s AND %(fin)s GROUP BY 2"""

# The first view also lists the team's candidats au titre and how many competences their proofs cover.
CANDIDATS = """
SELECT u.id, u.prenom, u.nom, pc.voie, pc.date_session,
       (SELECT count(DISTINCT p.competence_code) FROM preuve_competence p
        WHERE p.utilisateur_id = u.id AND p.retiree_le IS NULL AND p.competence_code LIKE 'CP%%')
FROM utilisateur u JOIN profil_candidat pc ON pc.utilisateur_id = u.id
WHERE u.structure_id = %(structure)s AND u.equipe_id = %(equipe)s AND u.actif ORDER BY u.nom, u.prenom"""

# « À surveiller aujourd'hui »: open urgencies by age, overdue étapes and people without contact by référent.
A_SURVEILLER = EQUIPE + """
SELECT 'urgences', CASE WHEN %(aujourdhui)s - u.reperee_le <= 7 THEN 'moins_8_jours' WHEN %(aujourdhui)s - u.reperee_le <= 30
                        THEN '8_30_jours' ELSE 'plus_30_jours' END, count(*) FROM urgence u JOIN equipe e ON e.id = u.personne_id
  WHERE u.traitee_le IS NULL AND u.reperee_le <= %(aujourdhui)s GROUP BY 2
UNION ALL
SELECT 'etapes_en_retard', e.referent_id::text, count(*) FROM etape et JOIN parcours pc ON pc.id = et.parcours_id
  JOIN equipe e ON e.id = pc.personne_id
  WHERE pc.statut = 'ouvert' AND et.statut IN ('prevue', 'en_cours', 'reportee') AND et.echeance < %(aujourdhui)s GROUP BY 2
UNION ALL
SELECT 'sans_contact', e.referent_id::text, count(DISTINCT e.id) FROM equipe e
  JOIN parcours pc ON pc.personne_id = e.id AND pc.statut = 'ouvert'
  WHERE coalesce(e.dernier_contact_le, pc.debut) < %(seuil)s GROUP BY 2"""


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

        volumes.update({m.__name__: s.scalar(select(func.count()).select_from(m))
                        for m in (Interaction, PointSuivi, Entretien)})
        equipe = s.scalar(select(func.count()).select_from(Personne).join(
            Utilisateur, Utilisateur.id == Personne.referent_id).where(Utilisateur.equipe_id == chef.equipe_id))
        return {"structure": structure, "equipe": chef.equipe_id, "moi": moi.id, "entreprise": e, "offre": offre,
                "action": action, "suivi": suivi, "volumes": volumes, "personnes_equipe": equipe}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", action="store_true",
                        help="lancer seulement les générateurs employeurs et intégration sur la base existante")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--pages", default="", help="ne mesurer que les pages dont le nom contient ce texte")
    parser.add_argument("--resultats", default=str(RACINE / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    from cipdesk import create_app
    from cipdesk.employeurs.entreprises.rules import normaliser_texte

    app = create_app()
    if args.modules:
        generer_modules(app, ("employeurs", "integration"), args.seed)
        return
    url_bd = app.config["SQLALCHEMY_DATABASE_URI"]
    sqlite = url_bd.startswith("sqlite:///")
    if not (sqlite or url_bd.startswith("postgresql")):
        raise SystemExit("Ce banc mesure PostgreSQL ou SQLite (DATABASE_URL).")
    conninfo = url_bd.replace("postgresql+psycopg://", "postgresql://")
    c = contexte_du_banc(app)
    e = c["entreprise"]
    aujourd_hui = date.today()
    dimanche = aujourd_hui + timedelta(days=6 - aujourd_hui.weekday())
    debut_periode = date(aujourd_hui.year - 1, aujourd_hui.month, 1) + timedelta(days=31)
    debut_periode = debut_periode.replace(day=1)
    mot = normaliser_texte(e.raison_sociale).split()[0][:5]
    commune = normaliser_texte(e.commune)[:5]
    recherche = lambda texte, **p: {"structure": c["structure"], "contient": f"%{texte}%", "debut": f"{texte}%",  # noqa: E731
                                    "chiffres": p.get("chiffres", "-"), "siren": p.get("siren", "-"),
                                    "naf": p.get("naf", [])}
    # (page, role, URL, hand-written floor or None)
    pages = [
        ("recherche d'entreprise : nom", CONSEILLER, f"/employeurs/entreprises/?q={mot}",
         (RECHERCHE, recherche(mot))),
        ("recherche d'entreprise : SIRET", CONSEILLER, f"/employeurs/entreprises/?q={e.siret[:6]}",
         (RECHERCHE, recherche(e.siret[:6], chiffres=f"{e.siret[:6]}%", siren=f"{e.siret[:6]}%"))),
        ("recherche d'entreprise : commune", CONSEILLER, f"/employeurs/entreprises/?q={commune}",
         (RECHERCHE, recherche(commune))),
        ("recherche d'entreprise : NAF", CONSEILLER, f"/employeurs/entreprises/?q={e.naf_code}",
         (RECHERCHE, recherche(normaliser_texte(e.naf_code), naf=[e.naf_code]))),
        ("offre et son rapprochement (équipe)", CHEF, f"/employeurs/offres/{c['offre']}", None),
        ("action de prospection", CONSEILLER, f"/employeurs/prospection/{c['action']}", None),
        ("intégration : page d'un suivi", CONSEILLER, f"/integration/suivis/{c['suivi']}", None),
        ("intégration : points de la semaine", CONSEILLER, "/integration/",
         (POINTS_SEMAINE, {"structure": c["structure"], "moi": c["moi"], "dimanche": dimanche})),
        ("accueil du chef (alertes)", CHEF, "/",
         (ALERTES_CHEF, {"structure": c["structure"], "equipe": c["equipe"], "aujourdhui": aujourd_hui,
                         "seuil": aujourd_hui - timedelta(days=30), "relance": aujourd_hui - timedelta(days=15),
                         "fin_prevue": aujourd_hui + timedelta(days=30),
                         "six_mois": aujourd_hui - timedelta(days=183)})),
    ]
    from cipdesk.tableau.queries import ONGLETS

    equipe = {"structure": c["structure"], "equipe": c["equipe"], "debut": debut_periode, "fin": aujourd_hui,
              "aujourdhui": aujourd_hui, "seuil": aujourd_hui - timedelta(days=30)}
    MAIN_PAR_VUE = {"activite": ((ACTIVITE, CANDIDATS), equipe), "a-surveiller": (A_SURVEILLER, equipe)}

    for slug, titre, _codes in ONGLETS:
        pages.append((f"tableau de bord : {titre}", CHEF, f"/tableau-de-bord/?section={slug}",
                      MAIN_PAR_VUE[slug] if slug in MAIN_PAR_VUE else None))
    pages += [("tableau de bord : financeurs (FSE+, PLIE, IAE)", CHEF, "/tableau-de-bord/financeurs", None),
              ("tableau de bord : portefeuilles", CHEF, "/tableau-de-bord/portefeuilles", None),
              ("charge de l'équipe (Ma pratique)", CHEF, "/pratique/prevention/equipe", None)]
    if args.pages:
        pages = [p for p in pages if args.pages in p[0]]
    clients = {}
    for email in (CHEF, CONSEILLER):
        clients[email] = app.test_client()
        connecter(clients[email], email)
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
              "les lectures SQL de la page (SELECT) rejouées hors de l'application (psycopg nu ; les écritures du "
              "journal d'audit, chaînées par rang, ne peuvent pas être rejouées) ; "
              "plancher « à la main » : une requête écrite à la main qui ramène les mêmes lignes (quand elle est écrite). "
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
