"""Benchmark of the search as you type of issue #11, point 6 (file active, `/accueil/?q=…`,
htmx fragment): a name typed right, a phonetic variant (SQL, the phonetic keys column) and a
name with one typo (no exact match: the names of the reader's perimeter compared in memory),
for a conseiller and a chef de service, against « ≤ 50 ms p95 at federation scale ».

    DATABASE_URL=postgresql+psycopg://… CIPDESK_KEK_FILE=/tmp/…/kek.json SECRET_KEY=… \\
        python -m bench.recherche --scale federation [--reuse]

Builds the data like bench/ateliers.py (demo, then the structures, accounts and people of the
scale and every module's `echelle` generator); measures in process through the Flask test
client (the whole WSGI stack, no network); appends a table to bench/RESULTS.md."""
from __future__ import annotations

import argparse
import os
import platform
import re
import time
from datetime import datetime
from pathlib import Path

import statistics

from bench.ateliers import MOT_DE_PASSE, centile, generer, mesurer

RACINE = Path(__file__).resolve().parent.parent
PLAFOND_MS = 50.0
HTMX = {"HX-Request": "true"}


def variantes(nom: str) -> tuple[str, str]:
    """(phonetic variant, one typo) of a name: a doubled consonant, two letters swapped."""
    mot = nom.split()[0]
    i = next((k for k in range(1, len(mot) - 1) if mot[k] not in "aeiouy"), 1)
    phonetique = mot[:i] + mot[i] + mot[i:]
    j = max(1, len(mot) // 2)
    faute = mot[:j - 1] + mot[j] + mot[j - 1] + mot[j + 1:]
    return phonetique, faute


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["essai", "structure", "federation"], default="federation")
    parser.add_argument("--reuse", action="store_true", help="réutiliser la base déjà générée")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--resultats", default=str(RACINE / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    from sqlalchemy import func, select

    from cipdesk import create_app
    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.db import db
    from cipdesk.personnes.models import Personne
    from cipdesk.personnes.rules import une_faute

    app = create_app()
    debut = time.time()
    if not args.reuse:
        generer(app, args.scale, seed=args.seed, complet=False)
    generation = time.time() - debut
    lecteurs = {"conseiller": "conseiller@demo.cipdesk.fr", "chef de service": "chef@demo.cipdesk.fr"}
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(Personne))
        conseiller = db.session.scalar(select(Utilisateur).where(Utilisateur.email == lecteurs["conseiller"]))
        caseload = db.session.scalar(select(func.count()).where(Personne.referent_id == conseiller.id))
        structure = db.session.scalar(select(func.count()).where(Personne.structure_id == conseiller.structure_id))
        nom = db.session.scalar(select(Personne.nom_recherche).where(Personne.referent_id == conseiller.id)
                                .order_by(Personne.nom_recherche).offset(caseload // 2).limit(1))
    phonetique, faute = variantes(nom)
    assert not une_faute([faute], []) and faute != nom.split()[0]
    requetes = [("nom tapé juste (4 lettres)", nom.split()[0][:4]), ("variante phonétique", phonetique),
                ("une faute de frappe (aucune correspondance exacte)", faute)]
    lignes_resultats, seules = [], []
    from cipdesk.personnes import queries
    from cipdesk.personnes.rules import normaliser_nom  # noqa: F401

    with app.test_request_context():
        from flask_login import login_user

        for role, email in lecteurs.items():
            lecteur = db.session.scalar(select(Utilisateur).where(Utilisateur.email == email))
            login_user(lecteur)
            partagee = queries.file_partagee(lecteur)
            for libelle, q in requetes:
                durees = []
                for _ in range(args.requests):
                    t0 = time.perf_counter()
                    queries.personnes_choisissables(db.session, lecteur, file_active_partagee=partagee, q=q)
                    durees.append((time.perf_counter() - t0) * 1000)
                    db.session.rollback()
                seules.append((role, libelle, q, statistics.median(durees), centile(durees, 95)))
        db.session.remove()
    for role, email in lecteurs.items():
        client = app.test_client()
        page = client.get("/connexion").get_data(as_text=True)
        jeton = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        assert client.post("/connexion", data={"email": email, "mot_de_passe": MOT_DE_PASSE,
                                               "csrf_token": jeton}).status_code == 303
        for libelle, q in requetes + [("file active sans recherche (repère)", "")]:
            url = f"/accueil/?q={q}"
            trouve = not q or nom.split()[0] in client.get(url, headers=HTMX).get_data(as_text=True).lower()
            client.environ_base.update({"HTTP_HX_REQUEST": "true"})
            r = mesurer(client, url, args.requests)
            client.environ_base.pop("HTTP_HX_REQUEST")
            lignes_resultats.append((role, libelle, q, trouve, r))
    charge = os.getloadavg()[0]
    def n(x: int) -> str:
        return f"{x:,}".replace(",", " ")

    lignes = [f"\n\n## {datetime.now():%Y-%m-%d %H:%M} — recherche tolérante (issue #11, point 6), échelle "
              f"« {args.scale} », {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}, {args.requests} requêtes "
              f"séquentielles par ligne\n",
              f"Machine : {os.cpu_count()} cœurs, Python {platform.python_version()}, charge moyenne {charge:.1f} "
              f"pendant la mesure (machine partagée ; `uptime` au moment de l'écriture). Mesure dans le processus "
              f"(client de test Flask, fragment htmx de la file active). Volumes : {n(total)} personnes "
              f"dont {n(structure)} dans la structure du conseiller de démonstration et {n(caseload)} dans sa file "
              f"active ; nom cherché « {nom} »"
              + (f" ; génération {generation:.0f} s" if not args.reuse else "") + ".\n",
              "| lecteur | recherche | q | trouvé·e | p50 (ms) | p95 (ms) | p99 (ms) | ≤ 50 ms p95 |",
              "| --- | --- | --- | :---: | ---: | ---: | ---: | :---: |"]
    for role, libelle, q, trouve, r in lignes_resultats:
        lignes.append(f"| {role} | {libelle} | `{q}` | {'oui' if trouve else 'non'} | {r['p50']:.1f} | "
                      f"{r['p95']:.1f} | {r['p99']:.1f} | {'oui' if r['p95'] <= PLAFOND_MS else '**non**'} |")
    lignes += ["", "La recherche seule (`personnes.queries.personnes_choisissables` : la requête du périmètre avec "
               "les mots, les clés phonétiques et, faute de correspondance exacte, la tolérance d'une faute ; sans "
               "rendu de page), appelée dans le processus :", "",
               "| lecteur | recherche | q | p50 (ms) | p95 (ms) | ≤ 50 ms p95 |", "| --- | --- | --- | ---: | ---: | :---: |"]
    for role, libelle, q, p50, p95 in seules:
        lignes.append(f"| {role} | {libelle} | `{q}` | {p50:.1f} | {p95:.1f} | {'oui' if p95 <= PLAFOND_MS else '**non**'} |")
    texte = "\n".join(lignes) + "\n"
    print(texte)
    with open(args.resultats, "a", encoding="utf-8") as f:
        f.write(texte)


if __name__ == "__main__":
    main()
