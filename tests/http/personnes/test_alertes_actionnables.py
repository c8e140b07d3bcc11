"""Issue #11, point 5: every alert and every name on the home page (the conseiller's, the
chef's team alerts) links to where it is resolved, and the chef can follow each link; the
chef sees the référent on each line; the admin's home page has an Administration card."""
from __future__ import annotations

import html
import re
from datetime import timedelta

from cipdesk.parcours.contrat import services as contrat
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.rules import Responsable
from tests.factories.accueil import AUJOURDHUI, accueil, personne


def _texte(r) -> str:
    return html.unescape(r.get_data(as_text=True))


def _mes_alertes(page: str) -> str:
    debut = page.index('id="titre-mes-alertes"')
    return page[debut:page.index("</section>", debut)]


def _dossier(ctx, m):
    urgente = personne(ctx, m.conseiller, nom="Urgente", prenom="Aïcha")
    accueil(ctx, m.conseiller, urgente, urgence_ouverte=True)
    retard = personne(ctx, m.conseiller, nom="Retard", prenom="Bruno")
    parcours = contrat.ouvrir_parcours(ctx, retard, par=m.conseiller, dispositif_code="plie",
                                       debut=AUJOURDHUI - timedelta(days=90),
                                       fin_prevue=AUJOURDHUI + timedelta(days=10), objectifs="Emploi",
                                       engagements_personne="Venir", engagements_structure="Recevoir")
    ctx.flush()
    etapes.ajouter_etape(ctx, parcours, par=m.conseiller, type_code="autre", intitule="Dossier CAF",
                         responsable=Responsable.PERSONNE, echeance=AUJOURDHUI - timedelta(days=3),
                         frein_dimension_code="", objectif="Ressources", le=AUJOURDHUI)
    ctx.commit()
    return urgente, retard, parcours


def test_chaque_alerte_et_chaque_nom_menent_ou_on_les_traite(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    urgente, retard, parcours = _dossier(ctx, m)
    for email in (m.conseiller.email, m.chef.email):
        n = nav_factory()
        n.connexion(email)
        bloc = _mes_alertes(_texte(n.get("/")))
        assert f'href="/accueil/personnes/{urgente.id}"' in bloc and f'href="/accueil/personnes/{retard.id}"' in bloc
        assert re.search(r'<a class="alerte alerte-3" href="/accueil/accueils/[0-9a-f-]+#titre-urgences">Urgence non traitée',
                         bloc)
        assert re.search(rf'<a class="alerte alerte-2" href="/parcours/{parcours.id}#etapes">1 étape\(s\) en retard', bloc)
        assert re.search(rf'<a class="alerte alerte-2" href="/parcours/{parcours.id}#contrat">Fin du contrat', bloc)
        assert "<span class=\"alerte" not in bloc  # no alert left without its link
        for lien in re.findall(r'href="([^"#]+)', bloc):
            assert n.get(lien).status_code == 200, (email, lien)  # the chef too: no 403 behind a link
        referent = f"(référent·e : {m.conseiller.nom_complet})"
        assert (referent in bloc) == (email == m.chef.email)


def test_les_alertes_de_la_file_active_et_des_parcours_sont_des_liens(nav, fabrique, ctx):
    m = fabrique.monde()
    _urgente, _retard, parcours = _dossier(ctx, m)
    nav.connexion(m.conseiller.email)
    assert f'href="/parcours/{parcours.id}#etapes"' in _texte(nav.get("/accueil/"))
    assert f'href="/parcours/{parcours.id}#etapes"' in _texte(nav.get("/parcours/"))


def test_carte_administration_sur_l_accueil_de_l_admin(nav, nav_factory, fabrique):
    m = fabrique.monde()
    nav.connexion(m.admin.email)
    page = _texte(nav.get("/"))
    assert re.search(r'<h2><a href="/admin/structures">Administration</a></h2>', page)
    conseiller = nav_factory()
    conseiller.connexion(m.conseiller.email)
    assert '<h2><a href="/admin/structures">' not in _texte(conseiller.get("/"))
