"""The person's rights and the retention (issue #18, points 6 to 10 and 13), in the module
contract: information notice, right of access, rectification history, anonymisation,
retention (`cipdesk retention`), registre des traitements, break-glass access."""
from __future__ import annotations

import click

from cipdesk.core import signaux
from cipdesk.core.contrat import EntreeDeMenu, Module, RegleDAcces, TypeObjet
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _recepteurs() -> None:
    def _rectification(session, *, personne, par, anciennes, le, **_kw):
        from cipdesk.droits.services import noter_rectification
        noter_rectification(session, personne=personne, par=par, anciennes=anciennes, le=le)

    # weak=False: the receiver is a local function, kept alive by the signal.
    signaux.personne_rectifiee.connect(_rectification, weak=False)


@click.command("retention")
@click.option("--date", "le", default=None, help="Date du jour (AAAA-MM-JJ), pour rejouer ; aujourd'hui par défaut.")
def retention(le):
    """Anonymise les dossiers dont la durée de conservation est atteinte, efface les adresses IP du
    journal d'audit après leur durée, purge le journal après la sienne ; tout est écrit au journal.
    Sur SQLite, met aussi à jour les statistiques du planificateur (ANALYZE)."""
    from datetime import date, datetime, time, timezone

    from sqlalchemy import text

    from cipdesk.core.dates import aujourdhui
    from cipdesk.core.db import db
    from cipdesk.droits import services

    jour = date.fromisoformat(le) if le else aujourdhui()
    maintenant = datetime.combine(jour, time(12), tzinfo=timezone.utc) if le else None
    rapport = services.retention(db.session, aujourd_hui=jour, maintenant=maintenant)
    db.session.commit()
    if db.engine.dialect.name == "sqlite":
        # The daily service is also where SQLite's planner statistics are kept fresh (PostgreSQL's
        # autovacuum does it itself): without them it picks the structure index for every query.
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    for structure, n in rapport["structures"].items():
        click.echo(f"{structure} : {n} dossier(s) anonymisé(s).")
    click.echo(f"Journal d'audit : {rapport['provenance'].get('lignes', 0)} ligne(s) sans adresse IP ni navigateur "
               f"désormais, {rapport['journal'].get('lignes', 0)} ligne(s) purgée(s).")


def _module() -> Module:
    from cipdesk.droits import chiffres, demo, rgpd
    from cipdesk.droits.fiche import fiche_personne
    from cipdesk.droits.models import DemandeAcces  # noqa: F401  (tables of the module)
    from cipdesk.droits.routes import bp
    from cipdesk.security import acces_exceptionnel  # noqa: F401  (table read by the policy)

    return Module(
        code="droits",
        titre="Droits des personnes (RGPD)",
        blueprints=(bp,),
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("droits.regler_conservation", (Role.ADMIN,),
                           "régler les durées de conservation de la structure (dossiers, journal, adresses IP)"),
               RegleDAcces("droits.voir_registre", (Role.CONSEILLER, Role.CHEF_DE_SERVICE, Role.ADMIN),
                           "lire le registre des traitements de la structure")),
        menu=(EntreeDeMenu("Conservation", "droits.conservation", policy.peut_voir_conservation, ordre=85,
                           actif=("droits.conservation",)),
              EntreeDeMenu("Données personnelles", "droits.registre_des_traitements", policy.permission("droits.voir_registre"),
                           ordre=95, actif=("droits.registre", "droits.reglages", "droits.mes_decisions")),),
        objets=(
            TypeObjet("notice_information", "notice d'information remise"),
            TypeObjet("demande_acces", "demande d'accès de la personne", "droits.demande", "demande_id"),
            TypeObjet("rectification", "rectification de l'identité"),
            TypeObjet("anonymisation", "anonymisation du dossier"),
            TypeObjet("acces_exceptionnel", "accès exceptionnel d'un chef de service"),
        ),
        recepteurs=_recepteurs,
        commandes=(retention,),
        demo=demo.remplir_droits,
        export_personne=rgpd.EXPORT,
        effacement_personne=rgpd.EFFACEMENT,
        fiche_personne=(fiche_personne,),
    )


MODULE = _module()
