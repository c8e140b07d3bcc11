"""`cipdesk tableur traiter`: the worker of the long imports (issue #19, point 3). An import of
more than `services.SEUIL_HORS_REQUETE` rows is not written in the request: it waits (« en
attente ») until this command writes it, in ONE transaction (all or nothing), telling its
progress through a separate connection that the page reads every two seconds. Run it beside the
web server (a systemd unit, a container), or once by cron with `--une-fois`."""
from __future__ import annotations

import time

import click
from flask.cli import with_appcontext


def traiter_une_fois(session, engine) -> int:
    """Write every waiting import; answer how many were handled."""
    from sqlalchemy import update

    from cipdesk.comptes.models import Utilisateur
    from cipdesk.core.contrat import registre
    from cipdesk.core.dates import aujourdhui, maintenant
    from cipdesk.core.erreurs import ErreurMetier
    from cipdesk.tableur import services
    from cipdesk.tableur.models import EtatImport, ImportTableur

    n = 0
    for ident in services.a_traiter(session):
        # Claimed in its own short transaction, so that two workers never write the same import.
        with engine.begin() as connexion:
            pris = connexion.execute(update(ImportTableur).where(ImportTableur.id == ident,
                                                                 ImportTableur.etat == EtatImport.EN_ATTENTE)
                                     .values(etat=EtatImport.EN_COURS, traitees=0)).rowcount
        if not pris:
            continue
        imp = session.get(ImportTableur, ident)
        par = session.get(Utilisateur, imp.auteur_id)

        def progression(faites, ident=ident):
            # SQLite has one writer at a time and the import's own transaction holds it: the
            # progress would wait for the end ("database is locked"). The page then shows the
            # import « en cours » until it is done; PostgreSQL shows the rows as they go.
            if engine.dialect.name == "sqlite":
                return
            with engine.begin() as connexion:
                connexion.execute(update(ImportTableur).where(ImportTableur.id == ident).values(traitees=faites))

        try:
            services.executer(session, par=par, imp=imp, liste=registre.importable(imp.liste),
                              aujourd_hui=aujourdhui(), maintenant=maintenant(), progression=progression)
            session.commit()
        except ErreurMetier as exc:
            session.rollback()
            imp = session.get(ImportTableur, ident)
            imp.donnees = {**imp.donnees, "erreur": exc.message}
            imp.etat = EtatImport.ECHOUE
            session.commit()
        n += 1
    return n


@click.group("tableur")
def tableur():
    """Imports de tableurs."""


@tableur.command("traiter")
@click.option("--une-fois", is_flag=True, help="Traiter ce qui attend, puis s'arrêter.")
@click.option("--pause", default=2.0, help="Secondes entre deux recherches d'imports en attente.")
@with_appcontext
def traiter(une_fois: bool, pause: float):
    """Écrit les imports longs en attente (tout ou rien), en publiant leur progression."""
    from cipdesk.core.db import db

    while True:
        n = traiter_une_fois(db.session, db.engine)
        if n:
            click.echo(f"{n} import(s) traité(s).")
        if une_fois:
            return
        time.sleep(pause)
