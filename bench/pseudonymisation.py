"""Benchmark of the dossier's pseudonymisation engine (issue #16, point 5): a table of the people of
a large structure against a 40-page draft.

    PYTHONPATH=. python bench/pseudonymisation.py [--personnes 3000] [--pages 40]

Prints the size of the table, then the best of five runs of: building the index, `pseudonymiser`
and `restes` on the whole draft (a draft of about 3,000 characters a page, one identifying value
every few lines). Pure Python, no database: the table is filled as `queries.table_des_identifiants`
fills it.
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from faker import Faker

from cipdesk.dossier.pseudonymisation.rules import (TableIdentifiants, alias, entreprise_generalisee,
                                                     pseudonymiser, restes)

LE = date(2026, 12, 1)


def table(n: int, rnd: random.Random, fake: Faker) -> tuple[TableIdentifiants, list[str]]:
    t = TableIdentifiants()
    exemples: list[str] = []
    for k in range(n):
        femme = rnd.random() < 0.5
        prenom = fake.first_name_female() if femme else fake.first_name_male()
        nom = fake.last_name()
        naissance = date(1960, 1, 1) + timedelta(days=rnd.randint(0, 40 * 365))
        tel = f"+336{rnd.randint(10_000_000, 99_999_999)}"
        t.ajouter_personne(personne_id=k, alias=alias(k, "femme" if femme else "homme"), nom=nom, prenom=prenom,
                           nom_usage=fake.last_name() if femme and rnd.random() < 0.2 else "",
                           date_naissance=naissance, telephone=tel, email=fake.email(),
                           adresse=fake.street_address(), code_postal=fake.postcode(), commune=fake.city(), le=LE)
        if k % 3 == 0:
            t.ajouter_employeur(fake.company(), personne_id=k, remplacement=entreprise_generalisee("43.22A", 12))
        if k % 5 == 0:
            t.ajouter_contact(nom=fake.last_name(), prenom=fake.first_name(), telephone=fake.phone_number())
        exemples += [f"{prenom} {nom}", f"Mme {nom}", f"{naissance:%d/%m/%Y}",
                     f"0{tel[3]} {tel[4:6]} {tel[6:8]} {tel[8:10]} {tel[10:12]}"]
    return t, exemples


def brouillon(pages: int, exemples: list[str], rnd: random.Random, fake: Faker) -> str:
    morceaux = []
    while sum(len(m) for m in morceaux) < pages * 3000:
        morceaux.append(fake.paragraph(nb_sentences=4))
        morceaux.append(f"Lors de l'entretien, {rnd.choice(exemples)} a présenté son projet.")
    return "\n".join(morceaux)


def meilleur(fonction, fois: int = 5) -> float:
    temps = []
    for _ in range(fois):
        debut = time.perf_counter()
        fonction()
        temps.append(time.perf_counter() - debut)
    return min(temps)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--personnes", type=int, default=3000)
    parser.add_argument("--pages", type=int, default=40)
    args = parser.parse_args()
    rnd = random.Random(16)
    fake = Faker("fr_FR")
    fake.seed_instance(16)
    t, exemples = table(args.personnes, rnd, fake)
    texte = brouillon(args.pages, exemples, rnd, fake)

    def indexer():
        t._index = None
        t.index()

    construction = meilleur(indexer)
    r = pseudonymiser(texte, t)
    substitution = meilleur(lambda: pseudonymiser(texte, t))
    controle = meilleur(lambda: restes(r.texte, t))
    print(f"{args.personnes} personnes, {len(t)} valeurs, {len(t.index().cles)} clés ; "
          f"brouillon de {len(texte)} caractères ({args.pages} pages), {len(r.substitutions)} substitutions")
    print(f"index : {construction * 1000:.0f} ms ; pseudonymiser : {substitution * 1000:.0f} ms ; "
          f"restes (texte pseudonymisé) : {controle * 1000:.0f} ms ; restes trouvés : {len(restes(r.texte, t))}")


if __name__ == "__main__":
    main()
