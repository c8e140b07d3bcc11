"""Issue #17: the chef's home page reads every module's alerts in ONE statement (a UNION ALL of
the providers' selects over the perimeter read once), whatever the size of the team, and finds
exactly the alerts each provider finds on its own."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event, select

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import SourceDAlertes, registre
from cipdesk.core.db import db
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import alertes_pour, mes_alertes
from cipdesk.security import policy
from tests.factories.tableau import AUJ, Batisseur
from tests.factories.tableau import au_30_juin, monde  # noqa: F401  (fixtures)
from tests.http.requetes import compter_requetes


def _plus_de_personnes_en_alerte(ctx, monde, n: int) -> None:
    b = Batisseur(ctx, monde.s)
    for i in range(n):
        p = b.personne(f"Alerte{i:02d}", monde.a if i % 2 else monde.b, cree_le=date(2026, 1, 5))
        pc = b.parcours(p, monde.a, date(2026, 1, 10))
        b.etape(pc, AUJ - timedelta(days=3 + i))
        if i % 3 == 0:
            b.urgence(p, AUJ - timedelta(days=i))
    ctx.commit()


def test_les_fournisseurs_du_socle_sont_des_requetes(app):
    """Every provider of cipdesk's modules is declared as a query (none costs a query of its own)."""
    fournisseurs = list(registre.alertes())
    assert len(fournisseurs) >= 10
    assert all(isinstance(f, SourceDAlertes) for f in fournisseurs)


def test_accueil_du_chef_nombre_de_requetes_fixe(app, nav, ctx, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    nav.get("/")   # warm-up (session, user)
    peu = compter_requetes(app, nav, "/")
    _plus_de_personnes_en_alerte(ctx, monde, 30)
    beaucoup = compter_requetes(app, nav, "/")
    assert peu == beaucoup, (peu, beaucoup)
    instructions = []

    def ecouter(_c, _cur, instruction, *_a):
        instructions.append(instruction)

    with app.app_context():
        moteur = db.engine
    event.listen(moteur, "before_cursor_execute", ecouter)
    try:
        assert nav.get("/").status_code == 200
    finally:
        event.remove(moteur, "before_cursor_execute", ecouter)
    # the alerts of the ten providers: one statement that names their tables
    alertes = [i for i in instructions if "UNION ALL" in i]
    assert len(alertes) == 1, alertes
    for table in ("urgence", "orientation", "etape", "rendez_vous", "presence_atelier", "interaction_entreprise",
                  "candidature", "point_suivi_integration"):
        assert f" {table}" in alertes[0], table


def test_une_requete_trouve_ce_que_chaque_fournisseur_trouve(app, ctx, monde, au_30_juin):
    _plus_de_personnes_en_alerte(ctx, monde, 12)
    with app.app_context():
        chef = db.session.get(Utilisateur, monde.chef.id)
        ids = list(db.session.scalars(select(Personne.id).where(policy.perimetre(chef).condition(Personne, Utilisateur))))
        seules = {(a.personne_id, a.code, a.objet_id, a.libelle)
                  for f in registre.alertes() for a in f(db.session, ids, AUJ)}
        ensemble = {(a.personne_id, a.code, a.objet_id, a.libelle)
                    for alertes in alertes_pour(db.session, ids, AUJ).values() for a in alertes}
        assert seules == ensemble and len(seules) > 12
        accueil = mes_alertes(db.session, chef, AUJ)
        par_personne = {p.id: {(a.code, a.objet_id) for a in alertes} for p, alertes in accueil}
        assert {pid for pid, *_r in seules} >= set(par_personne)
        assert len(par_personne) >= 12
        # gravest first, then by name
        gravites = [max(a.gravite for a in alertes) for _p, alertes in accueil]
        assert gravites == sorted(gravites, reverse=True)


@pytest.mark.parametrize("reglage, alerte", [(None, False), (0, False), ("", False), (5, True), ("5", True), (60, False)])
def test_seuil_sans_contact_lu_en_sql_comme_la_regle(ctx, fabrique, reglage, alerte):
    """Without a setting the default threshold is applied in SQL (only who is alerted is read);
    any setting, however written, is still read by the rule itself."""
    from cipdesk.parcours import alertes
    from cipdesk.parcours.contrat import services

    monde = fabrique.monde()
    p = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Delta")
    services.ouvrir_parcours(ctx, p, par=monde.conseiller, dispositif_code="cej", debut=AUJ - timedelta(days=10),
                             fin_prevue=None, objectifs="Emploi", engagements_personne="a", engagements_structure="b")
    monde.structure.parametres = {} if reglage is None else {alertes.PARAMETRE_JOURS_SANS_CONTACT: reglage}
    ctx.commit()
    codes = {a.code for a in alertes_pour(ctx, [p.id], AUJ).get(p.id, [])}
    assert ("sans_contact" in codes) is alerte
    assert ("sans_contact" in codes) is ("sans_contact" in {a.code for a in alertes.sans_contact(ctx, [p.id], AUJ)})
