"""Demo data at scale, for the benchmarks: `python -m bench.echelle structure|federation`
(run from the repository root, with the app's environment: DATABASE_URL, CIPDESK_KEK…).

Deterministic from a seed, realistic French data (Faker fr_FR), bulk inserts
(Core `insert` in batches, no ORM objects), encrypted notes included, with a
progress display. The named demo accounts (cipdesk.demo) stay the entry
points: their structure and caseloads grow to the chosen scale.

Generators added with `@generateur(ordre)` here (bench/echelle_activite.py), then
each module's `echelle` generator of the module contract; each receives the Contexte
(structures, conseillers, personnes) and inserts its rows.
"""
from __future__ import annotations

import argparse
import sys
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Equipe, Role, Structure, Utilisateur
from cipdesk.core.db import utcnow
from cipdesk.personnes.models import NiveauFormation, Personne, Sexe, StatutPersonne
from cipdesk.core.texte import cles_phonetiques
from cipdesk.personnes.rules import normaliser_nom
from cipdesk.security import keys
from cipdesk.security.champs_chiffres import colonnes_par_table
from cipdesk.security.chiffrement import sceller_ligne


@dataclass(frozen=True)
class Echelle:
    structures: int
    conseillers: int
    personnes: int
    entretiens: int
    jours_d_historique: int = 730


ECHELLES = {
    # A few dozen rows of everything: the test suite checks the generator with it.
    "essai": Echelle(structures=2, conseillers=6, personnes=60, entretiens=600),
    "structure": Echelle(structures=1, conseillers=30, personnes=5_000, entretiens=60_000),
    "federation": Echelle(structures=6, conseillers=210, personnes=50_000, entretiens=1_000_000),
}

TAILLE_LOT = 5_000


@dataclass
class Contexte:
    session: Session
    echelle: Echelle
    rnd: random.Random
    fake: Faker
    aujourd_hui: date
    progression: Callable[[str], None]
    structures: list[uuid.UUID] = field(default_factory=list)
    # conseiller id -> structure id
    conseillers: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    # (personne id, structure id, référent id, entry date)
    personnes: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, date]] = field(default_factory=list)
    chiffreurs: dict = field(default_factory=dict)

    def inserer(self, table, lignes: list[dict]) -> None:
        # Sensitive free text is written encrypted, as the ORM would (SECURITY.md).
        if table.name in colonnes_par_table():
            lignes = [sceller_ligne(table.name, ligne, self.chiffreur(ligne["structure_id"])) for ligne in lignes]
        for debut in range(0, len(lignes), TAILLE_LOT):
            self.session.execute(insert(table), lignes[debut:debut + TAILLE_LOT])

    def chiffreur(self, structure_id: uuid.UUID):
        if structure_id not in self.chiffreurs:
            self.chiffreurs[structure_id] = keys.coffre().chiffreur(self.session, structure_id)
        return self.chiffreurs[structure_id]

    def date_passee(self, au_plus_tot: date | None = None) -> date:
        debut = au_plus_tot or (self.aujourd_hui - timedelta(days=self.echelle.jours_d_historique))
        etendue = max(0, (self.aujourd_hui - debut).days)
        return debut + timedelta(days=self.rnd.randint(0, etendue))


Generateur = Callable[[Contexte], None]
GENERATEURS: list[tuple[int, Generateur]] = []


def generateur(ordre: int):
    def enregistrer(fonction: Generateur) -> Generateur:
        GENERATEURS.append((ordre, fonction))
        return fonction
    return enregistrer


def _structures_et_comptes(ctx: Contexte, password_hash: str) -> None:
    s = ctx.session
    premiere = s.scalar(select(Structure).where(Structure.nom == "Association Tremplin Emploi Lille"))
    ctx.structures.append(premiere.id)
    types = ["Atelier et chantier d'insertion", "PLIE", "Mission locale", "Entreprise d'insertion",
             "Association intermédiaire", "Service RSA du Département"]
    nouvelles, equipes, comptes = [], [], []
    for i in range(1, ctx.echelle.structures):
        ville = ctx.fake.city()
        sid = uuid.uuid4()
        nouvelles.append({"id": sid, "nom": f"{types[i % len(types)]} de {ville} ({i})",
                          "type_structure": types[i % len(types)], "ville": ville, "parametres": {"demo": True},
                          "created_at": utcnow(), "updated_at": utcnow()})
        ctx.structures.append(sid)
    ctx.inserer(Structure.__table__, nouvelles)
    par_structure = ctx.echelle.conseillers // ctx.echelle.structures
    for sid in ctx.structures:
        equipes_ids = [uuid.uuid4() for _ in range(3)]
        equipes += [{"id": e, "structure_id": sid, "nom": f"Équipe {n + 1} (échelle)", "created_at": utcnow(),
                     "updated_at": utcnow()} for n, e in enumerate(equipes_ids)]
        for n in range(par_structure):
            uid = uuid.uuid4()
            prenom, nom = ctx.fake.first_name(), ctx.fake.last_name()
            comptes.append({"id": uid, "structure_id": sid, "equipe_id": equipes_ids[n % 3],
                            "email": f"c{n}.{str(sid)[:8]}@echelle.cipdesk.fr", "prenom": prenom, "nom": nom,
                            "role": Role.CONSEILLER.value, "password_hash": password_hash, "actif": True,
                            "session_epoch": 0, "created_at": utcnow(), "updated_at": utcnow()})
            ctx.conseillers[uid] = sid
    ctx.inserer(Equipe.__table__, equipes)
    ctx.inserer(Utilisateur.__table__, comptes)
    # The named demo conseillers get their share of the caseloads too.
    for uid, sid in s.execute(select(Utilisateur.id, Utilisateur.structure_id).where(
            Utilisateur.structure_id == premiere.id, Utilisateur.role == Role.CONSEILLER)):
        ctx.conseillers[uid] = sid
    ctx.progression(f"{len(ctx.structures)} structures, {len(ctx.conseillers)} conseillers")


def _personnes(ctx: Contexte) -> None:
    par_structure: dict[uuid.UUID, list[uuid.UUID]] = {}
    for uid, sid in ctx.conseillers.items():
        par_structure.setdefault(sid, []).append(uid)
    lignes = []
    from cipdesk.personnes.models import PUBLICS

    codes_publics = list(PUBLICS)
    for n in range(ctx.echelle.personnes):
        sid = ctx.structures[n % len(ctx.structures)]
        referent = ctx.rnd.choice(par_structure[sid])
        sexe = ctx.rnd.choice([Sexe.FEMME, Sexe.HOMME])
        prenom = ctx.fake.first_name_female() if sexe == Sexe.FEMME else ctx.fake.first_name_male()
        nom = ctx.fake.last_name()
        naissance = date(ctx.rnd.randint(1962, 2007), ctx.rnd.randint(1, 12), ctx.rnd.randint(1, 28))
        entree = ctx.date_passee()
        telephone = f"+336{ctx.rnd.randint(10_000_000, 99_999_999)}"
        pid = uuid.uuid4()
        lignes.append({
            "id": pid, "structure_id": sid, "nom": nom, "prenom": prenom, "nom_usage": "",
            "date_naissance": naissance, "sexe": sexe.value, "telephone": telephone,
            "email": f"{normaliser_nom(prenom)}.{normaliser_nom(nom)}{n}@exemple.fr".replace(" ", "-"),
            "adresse": ctx.fake.street_address(), "code_postal": ctx.fake.postcode(), "commune": ctx.fake.city(),
            "niveau_formation": ctx.rnd.choice(list(NiveauFormation)).value,
            "publics": ctx.rnd.sample(codes_publics, ctx.rnd.randint(0, 3)),
            "prescripteur": ctx.rnd.choice(["France Travail", "Conseil départemental (RSA)", "Mission locale",
                                            "SPIP", "CCAS", "Candidature spontanée"]),
            "commande_prescripteur": "", "referent_id": referent,
            "statut": ctx.rnd.choice([StatutPersonne.ACCOMPAGNEE] * 6 + [StatutPersonne.SORTIE,
                                                                        StatutPersonne.ACCUEILLIE]).value,
            "nom_recherche": normaliser_nom(nom, prenom), "nom_phonetique": cles_phonetiques(nom, prenom),
            "telephone_recherche": telephone.lstrip("+"),
            "dernier_contact_le": None, "prochain_rdv_le": None, "dispositif_libelle": "",
            "version": 1, "created_at": utcnow(), "updated_at": utcnow(),
        })
        ctx.personnes.append((pid, sid, referent, entree))
        if len(lignes) == TAILLE_LOT:
            ctx.inserer(Personne.__table__, lignes)
            lignes = []
            ctx.progression(f"personnes : {n + 1}/{ctx.echelle.personnes}")
    ctx.inserer(Personne.__table__, lignes)
    ctx.progression(f"personnes : {ctx.echelle.personnes}")


def generer(session: Session, nom_echelle: str, *, seed: int, progression: Callable[[str], None],
            commit: Callable[[], None]) -> None:
    from cipdesk.security import passwords

    echelle = ECHELLES[nom_echelle]
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    ctx = Contexte(session=session, echelle=echelle, rnd=random.Random(seed), fake=fake,
                   aujourd_hui=date.today(), progression=progression)
    debut = time.time()
    from cipdesk.demo import MOT_DE_PASSE_DEMO

    _structures_et_comptes(ctx, passwords.hacher(MOT_DE_PASSE_DEMO))
    commit()
    _personnes(ctx)
    commit()
    import bench.echelle_activite  # noqa: F401  (registers the activity generators)

    for _ordre, fonction in sorted(GENERATEURS, key=lambda g: g[0]):
        fonction(ctx)
        commit()
    from cipdesk.core.contrat import registre

    for module in registre.modules:
        if module.echelle is not None:
            module.echelle(ctx)
            commit()
    analyser(session)
    progression(f"terminé en {time.time() - debut:.0f} s")


def analyser(session: Session) -> None:
    """Planner statistics (and, on PostgreSQL, the visibility map) after a bulk load, as autovacuum would
    leave them on a live base: without statistics every table looks empty (estimates of one row)
    and the first measures take nested loops over thousands of rows (the chef's alerts: 1,6 s
    instead of a few ms); without the visibility map no index-only scan is possible."""
    if session.get_bind().dialect.name == "postgresql":
        session.commit()
        with session.get_bind().connect().execution_options(isolation_level="AUTOCOMMIT") as connexion:
            connexion.execute(text("VACUUM ANALYZE"))
    elif session.get_bind().dialect.name == "sqlite":
        # SQLite has no statistics until ANALYZE: it then prefers the structure index everywhere (the
        # offer page's freins query took 0,4 to 0,7 s at structure scale instead of a few ms).
        session.commit()
        session.execute(text("ANALYZE"))
        session.commit()


def remplir(app, nom_echelle: str, *, seed: int = 20261123, reset: bool = False,
            progression: Callable[[str], None] = lambda _m: None) -> str:
    """`cipdesk demo` (schema migrated, the named demo accounts), then data at scale.
    Returns what `cipdesk demo` printed: the accounts and their password."""
    from cipdesk.core.db import db

    resultat = app.test_cli_runner().invoke(args=["demo", "--seed", str(seed), *(["--reset"] if reset else [])])
    if resultat.exit_code != 0:
        raise RuntimeError(f"cipdesk demo a échoué :\n{resultat.output}") from resultat.exception
    with app.app_context():
        generer(db.session, nom_echelle, seed=seed, commit=db.session.commit, progression=progression)
        db.session.remove()
    return resultat.output


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.echelle", description=(
        "Données de démonstration à l'échelle : essai (quelques dizaines de lignes, pour les tests) ; "
        "structure : 30 conseillers, 5 000 personnes, 60 000 entretiens ; federation : 200+ conseillers, "
        "50 000 personnes, 1 000 000 d'entretiens."))
    parser.add_argument("echelle", choices=list(ECHELLES))
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--reset", action="store_true", help="vide la base avant de la remplir")
    args = parser.parse_args(argv)
    from cipdesk import create_app

    comptes = remplir(create_app(), args.echelle, seed=args.seed, reset=args.reset,
                      progression=lambda m: print(f"  … {m}", file=sys.stderr))
    print(f"Données « {args.echelle} » générées.\n{comptes}")


if __name__ == "__main__":
    # Through the imported module, so that bench.echelle_activite registers into the same GENERATEURS.
    from bench import echelle as _echelle

    _echelle.main()
