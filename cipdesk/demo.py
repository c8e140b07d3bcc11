"""Deterministic, realistic French demo data (`cipdesk demo`).

Two structures so that tenancy can be seen at work; in the first, an admin, a
chef de service, conseillers (one of them a candidat to the titre CIP) and
confidential notes, some shared. Later modules add their own records here.
"""
from __future__ import annotations

import random
from datetime import date

from faker import Faker
from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from cipdesk.comptes import services as comptes
from cipdesk.comptes.models import Role, Utilisateur, VoieCandidat
from cipdesk.core.db import Base
from cipdesk.notes import services as notes

MOT_DE_PASSE_DEMO = "Démo-cipdesk-2026 !"

NOTES_DEMO = (
    "M. D. évoque des dettes de loyer (environ 1 800 €). Il a accepté que je contacte "
    "l'assistante sociale de secteur ; rendez-vous pris pour jeudi.",
    "Mme L. a parlé d'un suivi psychologique en cours. Ne pas l'évoquer en atelier collectif. "
    "Elle souhaite reprendre un emploi à temps partiel.",
    "Sortie de détention prévue en mars ; le SPIP est informé de notre accompagnement. "
    "Obligation de soins en cours, à ne mentionner à aucun employeur.",
    "Situation d'hébergement fragile (hébergé chez un tiers). Demande SIAO à relancer.",
)


class DemoRefusee(RuntimeError):
    """`cipdesk demo` must not touch a production instance or real data (issue #10, point 8)."""


def verifier_base_de_demo(session: Session, *, environnement: str) -> None:
    """Refuse on production, or when any structure is not a demo one (`parametres["demo"]`)."""
    from sqlalchemy import select

    from cipdesk.comptes.models import Structure

    if environnement == "production":
        raise DemoRefusee("Refusé : cette instance est en production (CIPDESK_ENV=production). "
                          "Les données de démonstration ne s'installent que sur une instance d'essai.")
    reelles = [s.nom for s in session.scalars(select(Structure))
               if not (s.parametres or {}).get("demo")]
    if reelles:
        raise DemoRefusee("Refusé : la base contient des données qui ne sont pas de démonstration "
                          f"({len(reelles)} structure(s), dont « {reelles[0]} »). Utilisez une base vide "
                          "ou réservée à la démonstration.")


def vider(session: Session) -> None:
    """Empty every table (demo --reset, on a demo database only: see verifier_base_de_demo).
    PostgreSQL: TRUNCATE; SQLite: the chain head goes first, then the purge flag lets
    the audit rows go (migration 0011)."""
    noms = [t.name for t in Base.metadata.sorted_tables]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("TRUNCATE " + ", ".join(noms) + " RESTART IDENTITY CASCADE"))
        return
    session.execute(text("DELETE FROM journal_audit_tete"))
    session.execute(text("INSERT INTO audit_purge_autorisee (id) VALUES (1)"))
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in ("audit_purge_autorisee", "journal_audit_tete"):
            session.execute(delete(table))
    session.execute(text("DELETE FROM audit_purge_autorisee"))


def remplir(session: Session, *, seed: int = 20261123) -> list[tuple[str, str, str]]:
    """Create the demo structures and accounts; return (role, email, description) to print."""
    from sqlalchemy import select

    if session.scalar(select(Utilisateur).where(Utilisateur.email == "admin@demo.cipdesk.fr")):
        return _comptes_existants(session)
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rnd = random.Random(seed)

    nord = comptes.creer_structure(session, par=None, nom="Association Tremplin Emploi Lille",
                                   type_structure="Atelier et chantier d'insertion (ACI) et PLIE",
                                   ville="Lille", parametres={"demo": True})
    sud = comptes.creer_structure(session, par=None, nom="Mission locale du Pays d'Arles",
                                  type_structure="Mission locale", ville="Arles", parametres={"demo": True})
    # Demonstration only: every demo account logs in with its password alone (the command says
    # so); a real structure requires a second factor of its admins and chefs (issue #18).
    nord.second_facteur = sud.second_facteur = "facultatif"
    eq_lille = comptes.creer_equipe(session, par=None, structure=nord, nom="Accompagnement socio-professionnel")
    eq_plie = comptes.creer_equipe(session, par=None, structure=nord, nom="PLIE — référents de parcours")
    eq_arles = comptes.creer_equipe(session, par=None, structure=sud, nom="Conseillers jeunes")

    def compte(email, prenom, nom, role, structure, equipe=None, candidat=None):
        return comptes.creer_utilisateur(session, par=None, structure=structure, email=email,
                                         prenom=prenom, nom=nom, role=role, equipe=equipe,
                                         mot_de_passe=MOT_DE_PASSE_DEMO, verifier_force=False,
                                         candidat=candidat)

    compte("admin@demo.cipdesk.fr", "Karima", "Benali", Role.ADMIN, nord)
    compte("chef@demo.cipdesk.fr", "Olivier", "Marchand", Role.CHEF_DE_SERVICE, nord, eq_lille)
    camille = compte("candidat@demo.cipdesk.fr", "Camille", "Lefebvre", Role.CONSEILLER, nord, eq_lille,
                     candidat={"voie": VoieCandidat.VAE, "date_session": date(2027, 6, 15),
                               "referentiel_code": "reac-2018"})
    yannick = compte("conseiller@demo.cipdesk.fr", "Yannick", "Dubois", Role.CONSEILLER, nord, eq_lille)
    sophie = compte("conseillere.plie@demo.cipdesk.fr", "Sophie", "Nguyen", Role.CONSEILLER, nord, eq_plie)
    compte("chef.arles@demo.cipdesk.fr", "Nadia", "Roux", Role.CHEF_DE_SERVICE, sud, eq_arles)
    compte("conseiller.arles@demo.cipdesk.fr", "Julien", "Garcia", Role.CONSEILLER, sud, eq_arles)
    for _ in range(3):  # a realistic team beyond the named accounts
        prenom, nom = fake.first_name(), fake.last_name()
        email = f"{prenom}.{nom}.{rnd.randint(10, 99)}@demo.cipdesk.fr".lower().replace(" ", "")
        compte(email, prenom, nom, Role.CONSEILLER, nord, rnd.choice([eq_lille, eq_plie]))

    for auteur, texte in zip((camille, yannick, camille, sophie), NOTES_DEMO, strict=True):
        note = notes.ecrire_note(session, auteur=auteur, contenu=texte)
        if auteur is camille and texte is NOTES_DEMO[0]:
            notes.partager_note(session, auteur=camille, note=note, collegue=yannick)
    session.flush()
    # Then every module's own demo data, in the order of the module list (the parcours
    # uses the people of the accueil demo, the ateliers the people of both).
    from cipdesk.core.contrat import registre
    from cipdesk.core.dates import aujourdhui

    for module in registre.modules:
        if module.demo is not None:
            module.demo(session, seed=seed, aujourd_hui=aujourdhui())
    return _comptes_existants(session)


def _comptes_existants(session: Session) -> list[tuple[str, str, str]]:
    from sqlalchemy import select

    lignes = []
    for u in session.scalars(select(Utilisateur).where(Utilisateur.email.in_(COMPTES_AFFICHES))):
        role = "candidat·e au titre CIP" if u.est_candidat else u.role.libelle.split(" ")[0].lower()
        lignes.append((role, u.email, f"{u.nom_complet} — {u.structure.nom}"))
    return sorted(lignes, key=lambda l: COMPTES_AFFICHES.index(l[1]))


COMPTES_AFFICHES = [
    "admin@demo.cipdesk.fr", "chef@demo.cipdesk.fr", "conseiller@demo.cipdesk.fr",
    "candidat@demo.cipdesk.fr", "conseillere.plie@demo.cipdesk.fr",
    "chef.arles@demo.cipdesk.fr", "conseiller.arles@demo.cipdesk.fr",
    "candidat.ccp@demo.cipdesk.fr",
]
