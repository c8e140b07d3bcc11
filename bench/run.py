"""Benchmark of the main pages against their floor (issue « Proof at scale »).

    .venv/bin/python bench/run.py --scale structure --db sqlite
    .venv/bin/python bench/run.py --scale federation --db postgres --reuse

Builds (or reuses) a database at the chosen scale with `python -m bench.echelle`
(`cipdesk demo` for the demo scale), starts the app under gunicorn on the
benchmark's entry `bench.wsgi:app` (floor endpoints and Server-Timing), warms
it, then measures for a conseiller and a chef de service the server latency (p50/p95/p99 from Server-Timing) and throughput of
each main page and of its floor, plus the peak memory of each worker, and
appends a Markdown table to bench/RESULTS.md. Only loopback traffic; every
loop is bounded.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import requests

RACINE = Path(__file__).resolve().parent.parent
MOT_DE_PASSE = "Démo-cipdesk-2026 !"
COMPTES = {"conseiller": "candidat@demo.cipdesk.fr", "chef de service": "chef@demo.cipdesk.fr"}

# (page, URL, floor name, roles). `{…}` placeholders come from /_plancher/contexte.
PAGES = [
    ("connexion", "/connexion", None, ("conseiller",)),
    ("accueil (alertes)", "/", "accueil", ("conseiller", "chef de service")),
    ("file active", "/accueil/", "file_active", ("conseiller", "chef de service")),
    ("recherche instantanée", "/accueil/?q={recherche}", "recherche", ("conseiller", "chef de service")),
    ("personne (chronologie)", "/accueil/personnes/{personne}", "personne", ("conseiller", "chef de service")),
    ("diagnostic", "/accueil/personnes/{personne}/diagnostic", "diagnostic", ("conseiller", "chef de service")),
    ("parcours", "/parcours/{parcours}", "parcours", ("conseiller", "chef de service")),
    ("mes compétences", "/competences/", "competences", ("conseiller",)),
    ("compétence CP6", "/competences/CP6", "competence", ("conseiller",)),
    ("préparation du dossier", "/dossier/", "preparation", ("conseiller",)),
]


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def centile(valeurs: list[float], p: float) -> float:
    if not valeurs:
        return float("nan")
    valeurs = sorted(valeurs)
    k = max(0, min(len(valeurs) - 1, round(p / 100 * (len(valeurs) - 1))))
    return valeurs[k]


def url_base_de_donnees(args) -> str:
    if args.db == "sqlite":
        dossier = Path(args.dossier)
        dossier.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{dossier / f'bench-{args.scale}.db'}"
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/cipdesk_bench_{args.scale}"


def preparer_base(args, env) -> None:
    url = env["DATABASE_URL"]
    if args.db == "postgres":
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            existe = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (f"cipdesk_bench_{args.scale}",)).fetchone()
            if existe and not args.reuse:
                conn.execute(f"DROP DATABASE cipdesk_bench_{args.scale} WITH (FORCE)")
                existe = None
            if not existe:
                conn.execute(f"CREATE DATABASE cipdesk_bench_{args.scale}")
            elif args.reuse:
                return
    else:
        chemin = Path(url.removeprefix("sqlite:///"))
        if chemin.exists() and args.reuse:
            return
        for suffixe in ("", "-wal", "-shm"):
            Path(str(chemin) + suffixe).unlink(missing_ok=True)
    debut = time.time()
    commande = ["-m", "cipdesk.cli", "demo"] if args.scale == "demo" else ["-m", "bench.echelle", args.scale]
    subprocess.run([sys.executable, *commande], env=env, cwd=RACINE, check=True)
    print(f"Données « {args.scale} » générées en {time.time() - debut:.0f} s")


def demarrer(args, env, port):
    commande = [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
                "--timeout", "120", "bench.wsgi:app"]
    processus = subprocess.Popen(commande, env=env, cwd=RACINE, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, start_new_session=True)
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/sante", timeout=2).status_code == 200:
                return processus
        except requests.RequestException:
            time.sleep(0.2)
    processus.kill()
    raise SystemExit("gunicorn n'a pas démarré : " + processus.stderr.read().decode()[-2000:])


def connecter(base: str, email: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/connexion", timeout=30).text
    jeton = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    reponse = session.post(f"{base}/connexion", data={"email": email, "mot_de_passe": MOT_DE_PASSE,
                                                      "csrf_token": jeton}, allow_redirects=False, timeout=30)
    if reponse.status_code != 303:
        raise SystemExit(f"Connexion impossible pour {email} ({reponse.status_code})")
    return session


def mesurer(session: requests.Session, url: str, n: int, concurrence: int) -> dict:
    durees: list[float] = []
    erreurs = 0

    def une(_i):
        reponse = session.get(url, timeout=60, allow_redirects=False)
        timing = re.search(r"dur=([0-9.]+)", reponse.headers.get("Server-Timing", ""))
        return reponse.status_code, float(timing.group(1)) if timing else None

    with ThreadPoolExecutor(concurrence) as pool:  # warm every worker (templates, caches)
        list(pool.map(une, range(10 * concurrence)))
    debut = time.perf_counter()
    with ThreadPoolExecutor(concurrence) as pool:
        for statut, duree in pool.map(une, range(n)):
            if statut >= 400 or duree is None:
                erreurs += 1
            else:
                durees.append(duree)
    ecoule = time.perf_counter() - debut
    return {"p50": centile(durees, 50), "p95": centile(durees, 95), "p99": centile(durees, 99),
            "debit": n / ecoule if ecoule else 0, "erreurs": erreurs}


def memoire_des_workers(maitre: int) -> list[int]:
    """Peak resident memory (VmHWM, MiB) of each gunicorn worker."""
    pics = []
    for pid in subprocess.run(["pgrep", "-P", str(maitre)], capture_output=True, text=True).stdout.split():
        try:
            statut = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        trouve = re.search(r"VmHWM:\s+(\d+) kB", statut)
        if trouve:
            pics.append(int(trouve.group(1)) // 1024)
    return pics


def machine() -> str:
    modele = ""
    try:
        modele = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
    except (FileNotFoundError, AttributeError):
        pass
    memoire = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**30
    return f"{os.cpu_count()} cœurs {modele}, {memoire} Gio, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["demo", "structure", "federation"], default="structure")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--reuse", action="store_true", help="réutiliser la base déjà générée")
    parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par page et par rôle")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dossier", default="/tmp/cipdesk-bench")
    parser.add_argument("--resultats", default=str(RACINE / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    env = dict(os.environ, SECRET_KEY="bench-" + os.urandom(8).hex(),
               CIPDESK_INSTANCE_PATH=str(Path(args.dossier) / "instance"))
    env["DATABASE_URL"] = url_base_de_donnees(args)
    env.setdefault("CIPDESK_KEK_FILE", str(Path(args.dossier) / "kek.json"))
    preparer_base(args, env)
    port = port_libre()
    serveur = demarrer(args, env, port)
    base = f"http://127.0.0.1:{port}"
    lignes = []
    try:
        for role, email in COMPTES.items():
            session = connecter(base, email)
            contexte = session.get(f"{base}/_plancher/contexte", timeout=60).json()
            for nom, gabarit, plancher, roles in PAGES:
                if role not in roles:
                    continue
                try:
                    url = base + gabarit.format(**contexte)
                except KeyError:
                    lignes.append((nom, role, None, None, "page indisponible à cette échelle"))
                    continue
                client = requests.Session() if nom == "connexion" else session
                page = mesurer(client, url, args.requests, args.concurrency)
                sol = None
                if plancher:
                    parametres = dict(contexte, q=contexte["recherche"] if plancher == "recherche" else "")
                    sol = mesurer(session, f"{base}/_plancher/{plancher}?{urlencode(parametres)}",
                                  args.requests, args.concurrency)
                lignes.append((nom, role, page, sol, ""))
                print(f"{role:16} {nom:26} p95 {page['p95']:8.1f} ms"
                      + (f"  plancher {sol['p95']:7.1f} ms  ×{page['p95'] / sol['p95']:.1f}" if sol else ""))
        pics = memoire_des_workers(serveur.pid)
    finally:
        os.killpg(serveur.pid, signal.SIGTERM)
        serveur.wait(timeout=30)
    ecrire(args, lignes, pics)


def ecrire(args, lignes, pics) -> None:
    titre = (f"## {datetime.now():%Y-%m-%d %H:%M} — échelle « {args.scale} », {args.db}, "
             f"{args.workers} workers gunicorn, {args.requests} requêtes × {args.concurrency} en parallèle")
    sortie = [titre, "", f"Machine : {machine()}", "",
              "| page | rôle | p50 (ms) | p95 (ms) | p99 (ms) | débit (req/s) | plancher p95 (ms) | ratio p95 | erreurs |",
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for nom, role, page, sol, remarque in lignes:
        if page is None:
            sortie.append(f"| {nom} | {role} | — | — | — | — | — | — | {remarque} |")
            continue
        ratio = f"{page['p95'] / sol['p95']:.1f}" if sol and sol["p95"] else "—"
        sortie.append(f"| {nom} | {role} | {page['p50']:.1f} | {page['p95']:.1f} | {page['p99']:.1f} | "
                      f"{page['debit']:.0f} | {sol['p95']:.1f} | {ratio} | {page['erreurs'] + (sol or {}).get('erreurs', 0)} |"
                      if sol else
                      f"| {nom} | {role} | {page['p50']:.1f} | {page['p95']:.1f} | {page['p99']:.1f} | "
                      f"{page['debit']:.0f} | — | — | {page['erreurs']} |")
    sortie += ["", f"Mémoire maximale par worker (VmHWM) : {', '.join(f'{p} Mio' for p in pics) or 'inconnue'}", ""]
    chemin = Path(args.resultats)
    existant = chemin.read_text() if chemin.exists() else "# Résultats des mesures de performance\n\n"
    chemin.write_text(existant.rstrip() + "\n\n" + "\n".join(sortie) + "\n")
    print("\n".join(sortie))


if __name__ == "__main__":
    main()
