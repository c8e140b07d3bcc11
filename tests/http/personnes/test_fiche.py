"""Issue #11, points 1, 2 and 5 on the person's page: « Nouvel entretien » is the main
action when a parcours is open; the page shows at a glance the open freins, the current
étapes and their échéances, the next rendez-vous, the orientations awaiting an answer;
a link is only shown when the reader may follow it; the query count stays constant."""
from __future__ import annotations

import html
import re
from datetime import timedelta

from cipdesk.accueil.orientation import services as orientation
from cipdesk.parcours.contrat import services as contrat
from cipdesk.parcours.etapes import services as etapes
from cipdesk.parcours.etapes.rules import Responsable
from tests.factories.accueil import AUJOURDHUI, diagnostic, partenaire, personne
from tests.factories.personnes import monde_et_personne
from tests.http.requetes import compter_requetes


def _texte(r) -> str:
    return html.unescape(r.get_data(as_text=True))


def _actions(page: str) -> list[str]:
    nav = page[page.index('aria-label="Actions sur la personne"'):]
    nav = nav[:nav.index("</nav>")]
    return [re.sub(r"<[^>]+>", "", a) for a in re.findall(r"<a[^>]*>(.*?)</a>", nav)]


def _principale(page: str) -> str:
    nav = page[page.index('aria-label="Actions sur la personne"'):]
    return re.search(r'<a class="bouton" href="[^"]*">([^<]*)</a>', nav[:nav.index("</nav>")]).group(1)


def _ouvrir(ctx, p, conseiller):
    parcours = contrat.ouvrir_parcours(ctx, p, par=conseiller, dispositif_code="plie",
                                       debut=AUJOURDHUI - timedelta(days=60), fin_prevue=None,
                                       objectifs="Emploi durable en logistique", engagements_personne="Venir",
                                       engagements_structure="Un entretien par mois")
    ctx.flush()
    return parcours


def test_nouvel_entretien_action_principale_quand_le_parcours_est_ouvert(nav, fabrique, ctx):
    m, p = monde_et_personne(fabrique, ctx, nav=nav)
    page = _texte(nav.get(f"/accueil/personnes/{p.id}"))
    assert _principale(page) == "Nouvel accueil"
    assert "Ouvrir un parcours" in _actions(page) and "Nouvel entretien" not in _actions(page)
    parcours = _ouvrir(ctx, p, m.conseiller)
    ctx.commit()
    page = _texte(nav.get(f"/accueil/personnes/{p.id}"))
    assert _principale(page) == "Nouvel entretien" and _actions(page)[0] == "Nouvel entretien"
    assert f'href="/parcours/{parcours.id}/entretiens"' in page
    assert "Parcours" in _actions(page) and "Ouvrir un parcours" not in _actions(page)


def test_le_chef_ne_voit_que_les_liens_qu_il_peut_suivre(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    sans = personne(ctx, m.conseiller, nom="Sans", prenom="Parcours")
    avec = personne(ctx, m.conseiller, nom="Avec", prenom="Parcours")
    parcours = _ouvrir(ctx, avec, m.conseiller)
    ctx.commit()
    nav.connexion(m.chef.email)
    page = _texte(nav.get(f"/accueil/personnes/{sans.id}"))
    assert _actions(page) == ["Diagnostic partagé"]  # no « Parcours » leading to a 403, no writing action
    assert 'class="bouton"' not in page.split('aria-label="Actions sur la personne"')[1].split("</nav>")[0]
    page = _texte(nav.get(f"/accueil/personnes/{avec.id}"))
    assert _actions(page) == ["Parcours", "Diagnostic partagé"]
    for lien in re.findall(r'href="(/[^"#?]*)"', page.split('aria-label="Actions sur la personne"')[1]
                           .split("</main>")[0]):
        assert nav.get(lien).status_code in (200, 303), lien
    assert nav.get(f"/parcours/{parcours.id}").status_code == 200


def test_d_un_coup_d_oeil(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    diagnostic(ctx, m.conseiller, p, valider=True, freins={"mobilite": 3, "logement": 2, "numerique": 0})
    parcours = _ouvrir(ctx, p, m.conseiller)
    etapes.ajouter_etape(ctx, parcours, par=m.conseiller, type_code="demarche_administrative",
                         intitule="Mettre à jour le dossier CAF", responsable=Responsable.PERSONNE,
                         echeance=AUJOURDHUI - timedelta(days=4), frein_dimension_code="",
                         objectif="Sécuriser les ressources", le=AUJOURDHUI)
    etapes.ajouter_etape(ctx, parcours, par=m.conseiller, type_code="formation",
                         intitule="CACES 1 à l'AFPA", responsable=Responsable.PERSONNE,
                         echeance=AUJOURDHUI + timedelta(days=20), frein_dimension_code="",
                         objectif="Qualification cariste", le=AUJOURDHUI)
    orientation.orienter(ctx, par=m.conseiller, personne=p, partenaire=partenaire(ctx, m.conseiller),
                         le=AUJOURDHUI, motif="Logement", informations_transmises="", consentement=False,
                         consentement_le=None, consentement_mode="", aujourd_hui=AUJOURDHUI)
    p.prochain_rdv_le = AUJOURDHUI + timedelta(days=7)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _texte(nav.get(f"/accueil/personnes/{p.id}"))
    coup = page[page.index("D'un coup d'œil"):page.index('id="titre-identite"')]
    assert "Freins ouverts (2)" in coup and "Mobilité" in coup and "Frein bloquant" in coup
    assert coup.index("Mobilité") < coup.index("Hébergement / logement")  # gravest first
    assert "Numérique" not in coup
    assert "Étapes en cours (2)" in coup
    assert re.search(r'class="encart-alerte"><a [^>]*>Mettre à jour le dossier CAF</a>.*dépassée', coup)
    assert coup.index("dossier CAF") < coup.index("CACES 1")  # earliest échéance first
    assert f"{AUJOURDHUI + timedelta(days=7):%d/%m/%Y}" in coup
    assert "Orientations en attente de réponse (1)" in coup and "CCAS de Roubaix" in coup



def test_nombre_de_requetes_constant_avec_le_coup_d_oeil(app, nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    diagnostic(ctx, m.conseiller, p, valider=True)
    parcours = _ouvrir(ctx, p, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/personnes/{p.id}"
    nav.get(url)
    peu = compter_requetes(app, nav, url)
    for i in range(8):
        etapes.ajouter_etape(ctx, parcours, par=m.conseiller, type_code="autre", intitule=f"Étape {i}",
                             responsable=Responsable.PERSONNE, echeance=AUJOURDHUI + timedelta(days=i - 3),
                             frein_dimension_code="", objectif="Avancer", le=AUJOURDHUI)
        orientation.orienter(ctx, par=m.conseiller, personne=p,
                             partenaire=partenaire(ctx, m.conseiller, nom=f"Partenaire {i}"),
                             le=AUJOURDHUI, motif="Logement", informations_transmises="", consentement=False,
                             consentement_le=None, consentement_mode="", aujourd_hui=AUJOURDHUI)
    ctx.commit()
    beaucoup = compter_requetes(app, nav, url)
    assert peu == beaucoup, (peu, beaucoup)
    assert "Étape 7" in _texte(nav.get(url)) and "Partenaire 7" in _texte(nav.get(url))
