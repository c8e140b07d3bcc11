"""Benchmark of the spreadsheets (issue #19): import of 5 000 people, dry run included
(objective ≤ 15 s), and export of 50 000 rows of the file active (objective ≤ 5 s, flat memory).

    PYTHONPATH=. python -m bench.tableur [--personnes 5000] [--lignes 50000] [--db URL]

A fresh database (a temporary SQLite file unless --db names another, e.g. PostgreSQL), built by
the migrations. Import: an XLSX of `--personnes` people written with Faker (French names, birth
dates as date cells, phones, e-mails, postal codes), 10 % of them already in the structure (the
duplicates the dry run must find); timed: reading the file, the dry run (conversion and matching),
the import through the people's services. Export: `--lignes` people of one conseiller, written
as XLSX then CSV through the real `ListeExportable` (streamed query, XlsxWriter constant_memory);
the peak of Python allocations (tracemalloc) is measured for 1/10 of the rows and for all: flat
memory means the same peak. Prints a Markdown section for bench/RESULTS.md (with `uptime`)."""
from __future__ import annotations

import argparse
import base64
import io
import os
import random
import subprocess
import tempfile
import time
import tracemalloc
import uuid
from datetime import date, timedelta


def _app(url: str):
    from flask_migrate import upgrade

    from cipdesk import create_app
    from cipdesk.core.db import db

    os.environ.setdefault("CIPDESK_INSTANCE_PATH", tempfile.mkdtemp(prefix="cipdesk-bench-"))
    app = create_app({"TESTING": True, "SECRET_KEY": "banc", "SQLALCHEMY_DATABASE_URI": url,
                      "CIPDESK_KEK": base64.urlsafe_b64encode(os.urandom(32)).decode()})
    with app.app_context():
        if url.startswith("postgresql"):
            from sqlalchemy import text

            with db.engine.begin() as c:
                c.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
    return app


def _monde(session):
    from cipdesk.comptes.models import Role, Structure, Utilisateur

    s = Structure(id=uuid.uuid4(), nom=f"Banc {uuid.uuid4().hex[:6]}")
    u = Utilisateur(id=uuid.uuid4(), structure_id=s.id, email=f"banc-{uuid.uuid4().hex[:6]}@exemple.fr",
                    prenom="Camille", nom="Banc", role=Role.CONSEILLER, password_hash="x", actif=True)
    session.add_all([s, u])
    session.commit()
    return s, u


def _personnes_brutes(n: int, rnd: random.Random, fake):
    for _ in range(n):
        yield {"nom": fake.last_name(), "prenom": fake.first_name(),
               "date_naissance": date(1960, 1, 1) + timedelta(days=rnd.randint(0, 40 * 365)),
               "telephone": f"06{rnd.randint(12_000_000, 38_999_999)}", "email": f"{uuid.uuid4().hex[:10]}@exemple.fr",
               "code_postal": f"{rnd.randint(1000, 95999):05d}", "commune": fake.city()}


def _inserer(session, structure, conseiller, personnes):
    from sqlalchemy import insert

    from cipdesk.personnes.models import Personne, StatutPersonne
    from cipdesk.personnes.rules import normaliser_nom

    lot = []
    for p in personnes:
        lot.append({"id": uuid.uuid4(), "structure_id": structure.id, "referent_id": conseiller.id,
                    "statut": StatutPersonne.ACCOMPAGNEE, "nom_recherche": normaliser_nom(p["nom"], p["prenom"]),
                    "telephone": "+33" + p["telephone"][1:], "telephone_recherche": p["telephone"], "publics": [],
                    **{k: v for k, v in p.items() if k != "telephone"}})
        if len(lot) == 5000:
            session.execute(insert(Personne), lot)
            lot = []
    if lot:
        session.execute(insert(Personne), lot)
    session.commit()


def banc_import(app, n: int, rnd, fake) -> dict:
    import xlsxwriter

    from sqlalchemy import func, select

    from cipdesk.core.contrat import registre
    from cipdesk.core.db import db
    from cipdesk.personnes.models import Personne
    from cipdesk.tableur import services

    with app.app_context():
        s, u = _monde(db.session)
        personnes = list(_personnes_brutes(n, rnd, fake))
        _inserer(db.session, s, u, personnes[: n // 10])   # 10 % already there
        sortie = io.BytesIO()
        wb = xlsxwriter.Workbook(sortie, {"in_memory": True})
        f = wb.add_worksheet("Personnes")
        jour = wb.add_format({"num_format": "dd/mm/yyyy"})
        f.write_row(0, 0, ["Nom", "Prénom", "Date de naissance", "Téléphone", "Courriel", "Code postal", "Ville"])
        for i, p in enumerate(personnes, start=1):
            f.write_row(i, 0, [p["nom"], p["prenom"]])
            f.write_datetime(i, 2, p["date_naissance"], jour)
            f.write_row(i, 3, [p["telephone"], p["email"], p["code_postal"], p["commune"]])
        wb.close()
        contenu = sortie.getvalue()
        liste = registre.importable("personnes")
        t0, c0 = time.perf_counter(), time.process_time()
        imp = services.deposer(db.session, par=u, liste=liste, nom_fichier="banc.xlsx", contenu=contenu)
        db.session.commit()
        t1 = time.perf_counter()
        correspondance = services.correspondance_suggeree(imp, s, liste)
        services.analyser(db.session, par=u, imp=imp, liste=liste, structure=s, feuille="Personnes",
                          correspondance=correspondance, aujourd_hui=date.today())
        db.session.commit()
        t2 = time.perf_counter()
        compte = services.compte(imp)
        from cipdesk.core.dates import maintenant

        services.importer(db.session, par=u, imp=imp, liste=liste, decision_conflits="ignorer", decisions={},
                          aujourd_hui=date.today(), maintenant=maintenant(), version=imp.version)
        db.session.commit()
        # Above SEUIL_HORS_REQUETE rows the request only queues the import: the rows are written
        # by the worker (`cipdesk tableur traiter`), timed here too.
        from cipdesk.tableur.commandes import traiter_une_fois

        traiter_une_fois(db.session, db.engine)
        ecrites = db.session.scalar(select(func.count()).select_from(Personne).where(Personne.structure_id == s.id))
        t3, c3 = time.perf_counter(), time.process_time()
        db.session.remove()
    return {"octets": len(contenu), "lecture": t1 - t0, "essai": t2 - t1, "import": t3 - t2, "total": t3 - t0,
            "cpu": c3 - c0, "compte": compte, "ecrites": ecrites}


def _exporter(app, structure_id, conseiller_id, fmt: str, *, memoire: bool) -> tuple[float, int, int]:
    """((wall seconds, CPU seconds of the process), peak of Python allocations or 0, rows): timed
    without tracemalloc (which slows every allocation down), the memory measured by a second run
    with it. The CPU time says what the export costs when the machine is shared."""
    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.contrat import registre
    from cipdesk.core.db import db
    from cipdesk.tableur import ecriture

    with app.app_context():
        u = db.session.get(Utilisateur, conseiller_id)
        liste = registre.exportable("file_active")
        with tempfile.TemporaryFile() as fichier:
            if memoire:
                tracemalloc.start()
            t0, c0 = time.perf_counter(), time.process_time()
            lignes = liste.lignes(db.session, u, {"statut": "toutes"}, date.today())
            if fmt == "xlsx":
                n = ecriture.ecrire_xlsx(fichier, liste.titre, liste.colonnes, lignes)
            else:
                n = ecriture.ecrire_csv(fichier, liste.colonnes, lignes)
            duree = (time.perf_counter() - t0, time.process_time() - c0)
            pic = 0
            if memoire:
                _, pic = tracemalloc.get_traced_memory()
                tracemalloc.stop()
        db.session.remove()
    return duree, pic, n


def banc_export(app, n: int, rnd, fake) -> dict:
    import resource

    from cipdesk.core.db import db

    with app.app_context():
        s_petit, u_petit = _monde(db.session)
        s, u = _monde(db.session)
        # A pool of 2 000 Faker identities, reused: Faker is the slow part of building 50 000 rows.
        modeles = list(_personnes_brutes(2000, rnd, fake))
        _inserer(db.session, s_petit, u_petit,
                 ({**modeles[i % 2000], "email": f"p{i}@exemple.fr"} for i in range(n // 10)))
        _inserer(db.session, s, u, ({**modeles[i % 2000], "email": f"q{i}@exemple.fr"} for i in range(n)))
        ids = (s_petit.id, u_petit.id, s.id, u.id)
        db.session.remove()
    resultat = {}
    for fmt in ("xlsx", "csv"):
        _exporter(app, ids[0], ids[1], fmt, memoire=False)   # warm-up
        d_petit, _, n_petit = _exporter(app, ids[0], ids[1], fmt, memoire=False)
        _, pic_petit, _ = _exporter(app, ids[0], ids[1], fmt, memoire=True)
        rss_avant = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        d, _, lignes = _exporter(app, ids[2], ids[3], fmt, memoire=False)
        rss_apres = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        _, pic, _ = _exporter(app, ids[2], ids[3], fmt, memoire=True)
        resultat[fmt] = {"petit": (n_petit, d_petit, pic_petit), "grand": (lignes, d, pic),
                         "rss_croissance_ko": rss_apres - rss_avant}
    return resultat


def main() -> None:
    from faker import Faker

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--personnes", type=int, default=5000)
    parser.add_argument("--lignes", type=int, default=50_000)
    parser.add_argument("--db", default="")
    a = parser.parse_args()
    url = a.db or f"sqlite:///{tempfile.mkdtemp(prefix='cipdesk-bench-')}/banc.db"
    rnd, fake = random.Random(19), Faker("fr_FR")
    fake.seed_instance(19)
    app = _app(url)
    charge_avant = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    imp = banc_import(app, a.personnes, rnd, fake)
    exp = banc_export(app, a.lignes, rnd, fake)
    charge_apres = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    base = url.split(":", 1)[0]
    print(f"## {time.strftime('%Y-%m-%d %H:%M')} — tableurs (issue #19), `bench/tableur.py`, {base}\n")
    print(f"Charge : avant « {charge_avant} », après « {charge_apres} ».\n")
    print(f"- Import de {a.personnes} personnes (XLSX de {imp['octets'] // 1024} Ko, 10 % déjà dans la structure) : "
          f"lecture {imp['lecture']:.2f} s, essai à blanc {imp['essai']:.2f} s, import {imp['import']:.2f} s, "
          f"**total {imp['total']:.2f} s** (objectif ≤ 15 s ; temps CPU du processus {imp['cpu']:.2f} s). "
          f"Essai : {imp['compte']} ; personnes de la structure après l'import : {imp['ecrites']}.")
    for fmt, r in exp.items():
        (n1, d1, p1), (n2, d2, p2) = r["petit"], r["grand"]
        print(f"- Export {fmt.upper()} de la file active : {n2} lignes en **{d2[0]:.2f} s** (objectif ≤ 5 s ; temps "
              f"CPU {d2[1]:.2f} s) ; pic d'allocations Python (tracemalloc) {p2 / 1e6:.1f} Mo pour {n2} lignes contre "
              f"{p1 / 1e6:.1f} Mo pour {n1} lignes ({d1[0]:.2f} s) ; croissance du RSS maximal du processus pendant "
              f"l'export : "
              f"{r['rss_croissance_ko'] / 1024:.1f} Mo.")


if __name__ == "__main__":
    main()
