"""The `cipdesk` command: `cipdesk run`, `init-db`, `create-user`, `demo`,
`keys rotate|retire|verify|rewrap`, `backup PATH`, and Flask's own (`db`…)."""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from cipdesk.core.db import db


def _create_app():
    from cipdesk import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_version_option=False)
def main():
    """cipdesk — l'outil des conseillers en insertion professionnelle."""


def enregistrer(app) -> None:
    """Attach the commands to the application (so `flask` and tests see them too)."""
    for commande in (init_db, create_structure, create_user, demo, keys_group, backup, audit_group, securite_group):
        app.cli.add_command(commande)


@click.command("init-db")
@with_appcontext
def init_db():
    """Crée ou met à jour le schéma de la base (migrations Alembic)."""
    from flask_migrate import upgrade

    upgrade()
    click.echo("Base de données à jour.")


@click.command("create-structure")
@click.option("--nom", required=True)
@click.option("--type", "type_structure", default="")
@click.option("--ville", default="")
@with_appcontext
def create_structure(nom, type_structure, ville):
    """Crée une structure."""
    from cipdesk.comptes import services
    from cipdesk.core.erreurs import ErreurMetier

    try:
        structure = services.creer_structure(db.session, par=None, nom=nom,
                                             type_structure=type_structure, ville=ville)
    except ErreurMetier as exc:
        raise click.ClickException(exc.message) from None
    db.session.commit()
    click.echo(f"Structure créée : {structure.nom} ({structure.id})")


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--prenom", required=True)
@click.option("--nom", required=True)
@click.option("--role", type=click.Choice(["conseiller", "chef_de_service", "admin"]), required=True)
@click.option("--structure", "structure_nom", required=True, help="Nom de la structure (existante).")
@click.option("--equipe", "equipe_nom", default=None, help="Nom de l'équipe (créée si absente).")
@click.option("--candidat", type=click.Choice(["vae", "formation"]), default=None,
              help="Profil de candidat·e au titre CIP.")
@click.password_option("--mot-de-passe", prompt="Mot de passe", confirmation_prompt=True)
@with_appcontext
def create_user(email, prenom, nom, role, structure_nom, equipe_nom, candidat, mot_de_passe):
    """Crée un compte utilisateur."""
    from sqlalchemy import select

    from cipdesk.comptes import services
    from cipdesk.comptes.models import Equipe, Role, Structure, VoieCandidat
    from cipdesk.core.erreurs import ErreurMetier

    structure = db.session.scalar(select(Structure).where(Structure.nom == structure_nom))
    if structure is None:
        raise click.ClickException(f"Structure introuvable : {structure_nom}")
    try:
        equipe = None
        if equipe_nom:
            equipe = db.session.scalar(select(Equipe).where(
                Equipe.structure_id == structure.id, Equipe.nom == equipe_nom)) or \
                services.creer_equipe(db.session, par=None, structure=structure, nom=equipe_nom)
        utilisateur = services.creer_utilisateur(
            db.session, par=None, structure=structure, email=email, prenom=prenom, nom=nom,
            role=Role(role), mot_de_passe=mot_de_passe, equipe=equipe,
            candidat={"voie": VoieCandidat(candidat)} if candidat else None)
    except ErreurMetier as exc:
        raise click.ClickException(exc.message) from None
    db.session.commit()
    click.echo(f"Compte créé : {utilisateur.nom_complet} <{utilisateur.email}> ({role})")


@click.command("demo")
@click.option("--reset", is_flag=True, help="Vide la base avant de la remplir.")
@click.option("--seed", default=20261123, show_default=True)
@with_appcontext
def demo(reset, seed):
    """Remplit la base de données de démonstration réalistes et affiche les identifiants.

    Les données à l'échelle (banc de mesure) : `python -m bench.echelle structure|federation`."""
    from flask_migrate import upgrade

    from cipdesk import demo as demo_data

    upgrade()
    try:
        environnement = "production" if "production" in (current_app.config.get("CIPDESK_ENV"),
                                                         os.environ.get("CIPDESK_ENV")) else "autre"
        demo_data.verifier_base_de_demo(db.session, environnement=environnement)
    except demo_data.DemoRefusee as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    if reset:
        demo_data.vider(db.session)
        db.session.commit()
    comptes = demo_data.remplir(db.session, seed=seed)
    db.session.commit()
    click.echo("\nDonnées de démonstration prêtes. Identifiants (mot de passe commun : "
               f"{demo_data.MOT_DE_PASSE_DEMO}) :")
    for role, email, libelle in comptes:
        click.echo(f"  {role:<28} {email:<40} {libelle}")
    click.echo("\nATTENTION (démonstration seulement) : le second facteur (TOTP) y est réglé sur « facultatif » "
               "pour que chaque compte se connecte avec son seul mot de passe. Une structure réelle l'exige par "
               "défaut des administrateur·rices et chef·fes de service (Administration → Second facteur). "
               "Chacun peut l'essayer dans « Mon compte » → « Second facteur ».")


@click.group("keys")
def keys_group():
    """Clés de chiffrement des notes confidentielles."""


@keys_group.command("rotate")
@click.option("--batch", default=500, show_default=True)
@click.option("--reprendre", is_flag=True, help="Reprendre une rotation interrompue sans créer de nouvelle clé.")
@with_appcontext
def keys_rotate(batch, reprendre):
    """Ajoute une clé de données par structure et rechiffre tout (par lots, reprenable)."""
    from cipdesk.security import rotation
    from cipdesk.security.audit import Action, journaliser

    bilan = rotation.rotation(db.session, nouvelles_cles=not reprendre, taille_lot=batch,
                              commit=db.session.commit, progression=click.echo)
    journaliser(db.session, acteur=None, action=Action.CLES, objet_type="cle_donnees",
                details={"operation": "rotation", "reecrits": bilan.reecrits})
    db.session.commit()
    click.echo(f"Rotation terminée : {bilan.nouvelles_cles} nouvelle(s) clé(s), {bilan.reecrits} "
               f"valeur(s) rechiffrée(s), {bilan.deja_a_jour} déjà à jour.")
    click.echo("Les anciennes clés peuvent maintenant être retirées : cipdesk keys retire")


@keys_group.command("retire")
@with_appcontext
def keys_retire():
    """Détruit les anciennes clés de données qu'aucune ligne n'utilise plus."""
    from cipdesk.security import rotation
    from cipdesk.security.audit import Action, journaliser

    retirees = rotation.retirer(db.session)
    journaliser(db.session, acteur=None, action=Action.CLES, objet_type="cle_donnees",
                details={"operation": "retrait", "cles": [str(c.id) for c in retirees]})
    db.session.commit()
    click.echo(f"{len(retirees)} ancienne(s) clé(s) retirée(s).")


@keys_group.command("verify")
@with_appcontext
def keys_verify():
    """Vérifie que la clé maîtresse ouvre toutes les clés de données, puis que chaque valeur
    chiffrée (notes et textes libres sensibles) se déchiffre à sa place."""
    from cipdesk.security import keys

    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        n = keys.coffre().verifier(db.session)
    except keys.CleIntrouvable as exc:
        raise click.ClickException(str(exc)) from None
    except (OperationalError, ProgrammingError):
        raise click.ClickException("La base n'a pas encore de schéma : lancez d'abord « cipdesk init-db ».") from None
    click.echo(f"Clé maîtresse correcte : {n} clé(s) de données ouvertes.")
    from cipdesk.security import rotation

    bilan = rotation.verifier_valeurs(db.session)
    for table, champ, ident, raison in bilan.defauts:
        click.echo(f"INDÉCHIFFRABLE : {table}.{champ} ligne {ident} ({raison})", err=True)
    if bilan.defauts:
        raise click.ClickException(f"{len(bilan.defauts)} valeur(s) chiffrée(s) sur {bilan.lus} ne se "
                                   "déchiffrent pas : altérées, déplacées ou sous une clé retirée.")
    click.echo(f"Valeurs chiffrées : {bilan.lus} lue(s), toutes déchiffrables.")


@keys_group.command("rewrap")
@click.option("--new-kek-file", type=click.Path(dir_okay=False), required=True,
              help="Fichier où écrire le nouveau trousseau (l'ancienne clé y reste jusqu'au retrait).")
@with_appcontext
def keys_rewrap(new_kek_file):
    """Rotation de la clé maîtresse : nouvelle KEK, clés de données ré-enveloppées."""
    from cipdesk.security import keys

    coffre = keys.coffre()
    coffre.trousseau.ajouter(keys.AESGCM.generate_key(bit_length=256), active=True)
    keys.ecrire_fichier_kek(Path(new_kek_file), coffre.trousseau)
    n = coffre.reenvelopper(db.session)
    db.session.commit()
    click.echo(f"{n} clé(s) de données ré-enveloppée(s) sous {coffre.trousseau.active_id}. "
               f"Pointez CIPDESK_KEK_FILE vers {new_kek_file} et gardez-en deux copies hors ligne.")


@click.group("audit")
def audit_group():
    """Journal d'audit chaîné : vérification et purge de conservation."""


@audit_group.command("verify")
@with_appcontext
def audit_verify():
    """Vérifie la chaîne du journal d'audit : lignes manquantes, modifiées ou forgées."""
    from cipdesk.security import audit

    bilan = audit.verifier(db.session)
    db.session.rollback()
    if not bilan.integre:
        for anomalie in bilan.anomalies:
            click.echo(f"  ✗ {anomalie}", err=True)
        raise click.ClickException(f"Journal d'audit NON intègre : {len(bilan.anomalies)} anomalie(s).")
    if not bilan.lignes:
        click.echo("Journal d'audit vide.")
        return
    click.echo(f"Journal d'audit intègre : {bilan.lignes} ligne(s), rangs {bilan.premier} à {bilan.dernier}.")
    click.echo(f"Tête de chaîne : rang {bilan.dernier}, empreinte {bilan.tete} "
               "(notez-la hors de la base pour détecter plus tard une troncature).")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@with_appcontext
def backup(path):
    """Sauvegarde cohérente à chaud de la base SQLite (PostgreSQL : utilisez pg_dump)."""
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite:///"):
        raise click.ClickException(
            "Base PostgreSQL : utilisez pg_dump, par exemple\n"
            "  pg_dump --format=custom --file=cipdesk.dump \"$DATABASE_URL_SANS_PILOTE\"\n"
            "(voir README, « Sauvegarde »).")
    faire_sauvegarde_sqlite(uri.removeprefix("sqlite:///"), path)
    click.echo(f"Sauvegarde écrite : {path}. Elle ne contient pas la clé maîtresse : "
               "conservez celle-ci séparément.")


def faire_sauvegarde_sqlite(source: str, destination: str) -> None:
    """SQLite's online backup API: consistent even while the app writes."""
    from cipdesk.core.config import creer_fichier_prive

    dest = Path(destination)
    if dest.exists():
        raise click.ClickException(f"{dest} existe déjà : choisissez un autre nom.")
    creer_fichier_prive(dest)  # 0600, and its folder 0700 if it is created (issue #10, point 7)
    src = sqlite3.connect(source)
    try:
        cible = sqlite3.connect(dest)
        with cible:
            src.backup(cible)
        cible.close()
    finally:
        src.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


@click.group("securite")
def securite_group():
    """Ce que les modules déclarent à la sécurité (issue #9), tel que l'application l'applique."""


@securite_group.command("colonnes")
def securite_colonnes():
    """La table « Colonnes chiffrées » de SECURITY.md (Markdown), faite des déclarations des modules."""
    from cipdesk.security import champs_chiffres

    click.echo(champs_chiffres.table_markdown(), nl=False)


@securite_group.command("acces")
def securite_acces():
    """Les permissions nommées déclarées par les modules et les rôles qui les tiennent (Markdown)."""
    from cipdesk.security import policy

    click.echo(policy.table_des_permissions(), nl=False)
