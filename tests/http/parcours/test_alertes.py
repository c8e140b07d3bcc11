"""Issue 4 §7: alerts (étapes en retard, sans contact, fin de contrat) and « Mes alertes » on the home page."""
from __future__ import annotations

import html
from datetime import date, timedelta

from sqlalchemy import event

from cipdesk.core.dates import aujourdhui
from cipdesk.personnes.queries import alertes_pour
from cipdesk.parcours import alertes
from cipdesk.parcours.contrat import services
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.rules import Responsable


def _ouvrir(ctx, personne, conseiller, debut, fin=None):
    return services.ouvrir_parcours(ctx, personne, par=conseiller, dispositif_code="cej", debut=debut,
                                    fin_prevue=fin, objectifs="Emploi", engagements_personne="a",
                                    engagements_structure="b")


def test_alertes_du_parcours(ctx, fabrique):
    monde = fabrique.monde()
    jour = date.today()
    p1 = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Alpha")
    p2 = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Beta")
    p3 = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Gamma")
    parcours1 = _ouvrir(ctx, p1, monde.conseiller, jour - timedelta(days=90), jour + timedelta(days=10))
    etapes.ajouter_etape(ctx, parcours1, par=monde.conseiller, type_code="atelier", intitule="Atelier CV",
                         responsable=Responsable.PERSONNE, echeance=jour - timedelta(days=3), objectif="Emploi", le=aujourdhui())
    _ouvrir(ctx, p2, monde.conseiller, jour - timedelta(days=10))
    _ouvrir(ctx, p3, monde.conseiller, jour - timedelta(days=400), jour - timedelta(days=1))
    ctx.commit()
    codes = {pid: {a.code for a in liste} for pid, liste in alertes_pour(ctx, [p1.id, p2.id, p3.id], aujourdhui()).items()}
    assert {"etape_en_retard", "sans_contact", "fin_de_contrat"} <= codes[p1.id]
    assert p2.id not in codes  # 10 days without contact: under the default 30
    assert "contrat_echu" in codes[p3.id]
    # the threshold is a setting of the structure
    monde.structure.parametres = {alertes.PARAMETRE_JOURS_SANS_CONTACT: 5}
    ctx.commit()
    assert "sans_contact" in {a.code for a in alertes.sans_contact(ctx, [p2.id], aujourdhui())}


def test_chaque_fournisseur_fait_une_seule_requete(ctx, fabrique):
    monde = fabrique.monde()
    ids = []
    for i in range(6):
        p = fabrique.personne(monde.structure, referent=monde.conseiller, nom=f"N{i}")
        _ouvrir(ctx, p, monde.conseiller, date.today() - timedelta(days=100), date.today() + timedelta(days=5))
        ids.append(p.id)
    ctx.commit()
    for fournisseur in (alertes.etapes_en_retard, alertes.sans_contact, alertes.fin_de_contrat):
        requetes = []
        ecouteur = lambda *a, **k: requetes.append(1)  # noqa: E731
        event.listen(ctx.get_bind(), "before_cursor_execute", ecouteur)
        try:
            fournisseur(ctx, ids, aujourdhui())
        finally:
            event.remove(ctx.get_bind(), "before_cursor_execute", ecouteur)
        assert len(requetes) == 1, fournisseur.__name__


def test_mes_alertes_sur_l_accueil(nav_factory, ctx, fabrique):
    monde = fabrique.monde()
    p = fabrique.personne(monde.structure, referent=monde.conseiller, nom="Lefort", prenom="Inès")
    parcours = _ouvrir(ctx, p, monde.conseiller, date.today() - timedelta(days=60))
    etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="atelier", intitule="Atelier",
                         responsable=Responsable.PERSONNE, echeance=date.today() - timedelta(days=1),
                         objectif="Emploi", le=aujourdhui())
    ctx.commit()
    for compte, voit in ((monde.conseiller, True), (monde.chef, True), (monde.collegue, False),
                         (monde.chef_ailleurs, False)):
        nav = nav_factory()
        nav.connexion(compte.email)
        page = html.unescape(nav.get("/").get_data(as_text=True))
        assert ("Inès Lefort" in page) is voit, compte.email
        assert ("étape(s) en retard" in page) is voit
