"""Benchmark of the ateliers pages named by issue #12: the attendance grid of a session of
15 participants × 10 half-days and its feuille d'émargement (PDF), each « well under 100 ms
p95 » at federation scale.

    DATABASE_URL=postgresql+psycopg://… CIPDESK_KEK_FILE=/tmp/…/kek.json SECRET_KEY=… \\
        python -m bench.ateliers --scale federation [--reuse] [--complet]

Builds the data with bench.echelle: `cipdesk demo --reset`, the structures, accounts and
people of the scale, then every module's `echelle` generator (the ateliers one makes about
2 sessions a month per team, 8–12 participants, and the 15 × 10 « Remobilisation » session
of the demo candidat). `--complet` also runs the activity generators (the 1 000 000 entretiens
of the federation scale: long); without it those tables stay at demo size — the pages
measured here do not read them. Measures in process through the Flask test client (the
whole WSGI stack, no network): each page `--requests` times after a warm-up, for the demo
candidat; appends a table to bench/RESULTS.md."""
from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
MOT_DE_PASSE = "Démo-cipdesk-2026 !"
PLAFOND_MS = 100.0


def centile(valeurs: list[float], p: float) -> float:
    valeurs = sorted(valeurs)
    return valeurs[max(0, min(len(valeurs) - 1, round(p / 100 * (len(valeurs) - 1))))]


def generer(app, nom: str, *, seed: int, complet: bool) -> None:
    import random

    from faker import Faker

    from bench import echelle
    from cipdesk.core.contrat import registre
    from cipdesk.core.db import db
    from cipdesk.demo import MOT_DE_PASSE_DEMO
    from cipdesk.security import passwords

    if complet:
        echelle.remplir(app, nom, seed=seed, reset=True, progression=lambda m: print(f"  … {m}", file=sys.stderr))
        return
    resultat = app.test_cli_runner().invoke(args=["demo", "--seed", str(seed), "--reset"])
    if resultat.exit_code != 0:
        raise SystemExit(f"cipdesk demo a échoué :\n{resultat.output}")
    with app.app_context():
        fake = Faker("fr_FR")
        fake.seed_instance(seed)
        from datetime import date

        ctx = echelle.Contexte(session=db.session, echelle=echelle.ECHELLES[nom], rnd=random.Random(seed), fake=fake,
                               aujourd_hui=date.today(), progression=lambda m: print(f"  … {m}", file=sys.stderr))
        echelle._structures_et_comptes(ctx, passwords.hacher(MOT_DE_PASSE_DEMO))
        db.session.commit()
        echelle._personnes(ctx)
        db.session.commit()
        for module in registre.modules:
            if module.echelle is not None:
                module.echelle(ctx)
                db.session.commit()
        db.session.remove()


def mesurer(client, url: str, n: int) -> dict:
    for _ in range(10):
        assert client.get(url).status_code == 200, url
    durees = []
    for _ in range(n):
        debut = time.perf_counter()
        reponse = client.get(url)
        durees.append((time.perf_counter() - debut) * 1000)
        assert reponse.status_code == 200, (url, reponse.status_code)
    return {"p50": statistics.median(durees), "p95": centile(durees, 95), "p99": centile(durees, 99),
            "taille": len(reponse.data)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["essai", "structure", "federation"], default="federation")
    parser.add_argument("--reuse", action="store_true", help="réutiliser la base déjà générée")
    parser.add_argument("--complet", action="store_true", help="aussi les générateurs d'activité (entretiens…)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--resultats", default=str(RACINE / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    from sqlalchemy import func, select

    from cipdesk import create_app
    from cipdesk.ateliers.echelle import REMOBILISATION
    from cipdesk.ateliers.models import Atelier, DemiJournee, Inscription, Presence, SessionAtelier
    from cipdesk.core.db import db
    from cipdesk.personnes.models import Personne

    app = create_app()
    debut = time.time()
    if not args.reuse:
        generer(app, args.scale, seed=args.seed, complet=args.complet)
    generation = time.time() - debut
    with app.app_context():
        sess = db.session.scalar(select(SessionAtelier).join(Atelier).where(Atelier.titre == REMOBILISATION))
        if sess is None:
            raise SystemExit("Pas de session « Remobilisation » : relancez sans --reuse.")
        demis = sorted(sess.demi_journees, key=lambda d: d.le)
        volumes = {m.__name__: db.session.scalar(select(func.count()).select_from(m))
                   for m in (Personne, SessionAtelier, Inscription, DemiJournee, Presence)}
        participants = len([i for i in sess.inscriptions])
        session_id, derniere, premiere = sess.id, demis[-1].id, demis[0].id
    client = app.test_client()
    page = client.get("/connexion").get_data(as_text=True)
    jeton = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/connexion", data={"email": "candidat@demo.cipdesk.fr", "mot_de_passe": MOT_DE_PASSE,
                                           "csrf_token": jeton}).status_code == 303
    pages = [
        ("grille de présence (demi-journée à saisir, 15 participants)", f"/ateliers/presences/{derniere}"),
        ("grille de présence (demi-journée déjà saisie)", f"/ateliers/presences/{premiere}"),
        ("session : présences 15 × 10 demi-journées", f"/ateliers/sessions/{session_id}"),
        ("feuille d'émargement (PDF, 15 lignes)", f"/ateliers/presences/{derniere}/emargement.pdf"),
    ]
    resultats = [(nom, mesurer(client, url, args.requests)) for nom, url in pages]
    charge = os.getloadavg()[0]
    lignes = [f"\n\n## {datetime.now():%Y-%m-%d %H:%M} — ateliers (issue #12) : grille de présence et émargement, "
              f"échelle « {args.scale} », {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}, "
              f"{args.requests} requêtes séquentielles par page\n",
              f"Machine : {os.cpu_count()} cœurs, Python {platform.python_version()}, charge moyenne {charge:.1f} "
              f"pendant la mesure (machine partagée). Mesure dans le processus (client de test Flask : toute la pile "
              f"WSGI, sans réseau), pour la candidate de démonstration. Volumes : "
              + ", ".join(f"{k} {v:,}".replace(",", " ") for k, v in volumes.items())
              + f" ; session mesurée : {participants} participants × {len(demis)} demi-journées"
              + ("" if args.complet else " ; générateurs d'activité (entretiens…) non lancés : ces pages ne les lisent pas")
              + (f" ; génération {generation:.0f} s" if not args.reuse else "") + ".\n",
              "| page | p50 (ms) | p95 (ms) | p99 (ms) | octets | sous 100 ms p95 |",
              "| --- | ---: | ---: | ---: | ---: | :---: |"]
    for nom, r in resultats:
        lignes.append(f"| {nom} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | {r['taille']} | "
                      f"{'oui' if r['p95'] < PLAFOND_MS else '**non**'} |")
    texte = "\n".join(lignes) + "\n"
    print(texte)
    with open(args.resultats, "a", encoding="utf-8") as f:
        f.write(texte)


if __name__ == "__main__":
    main()
