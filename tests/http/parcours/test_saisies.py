"""Issue 10, points 13 and 14, for the parcours: nothing recorded that nobody chose
(the dispositif, the exit reason), and no server error on a closed parcours."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest

from cipdesk.core.dates import aujourdhui
from cipdesk.parcours.contrat.models import Parcours
from cipdesk.parcours.projet.models import Projet
from cipdesk.parcours.sortie import services as sortie
from tests.http.parcours.test_parcours import ouvrir


@pytest.fixture
def monde(fabrique):
    return fabrique.monde()


@pytest.fixture
def personne(fabrique, monde):
    return fabrique.personne(monde.structure, referent=monde.conseiller, nom="Saisie", prenom="Noé")


def texte(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


def _select(page: str, nom: str) -> str:
    return re.search(rf'<select[^>]*name="{nom}"[^>]*>(.*?)</select>', page, re.S).group(1)


def test_le_dispositif_commence_vide_et_est_obligatoire(nav, monde, personne):
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/personnes/{personne.id}/ouvrir"
    options = _select(texte(nav.get(url)), "dispositif_code")
    assert re.match(r'\s*<option[^>]*value=""[^>]*>— choisir —</option>', options)
    assert "selected" not in options
    reponse = nav.post(url, {"debut": str(date.today()), "referent_id": str(monde.conseiller.id),
                             "objectifs": "Objectifs tapés par la conseillère", "engagements_personne": "Venir",
                             "engagements_structure": "Recevoir"})
    page = texte(reponse)
    assert reponse.status_code == 422
    assert "Dispositif : Ce champ est obligatoire" in page
    assert "Objectifs tapés par la conseillère" in page


def test_le_motif_de_sortie_commence_vide_et_est_obligatoire(nav, monde, personne, ctx):
    parcours = ouvrir(ctx, personne, monde.conseiller)
    nav.connexion(monde.conseiller.email)
    url = f"/parcours/{parcours.id}/sortie"
    options = _select(texte(nav.get(url)), "motif")
    assert re.match(r'\s*<option[^>]*value=""[^>]*>— choisir —</option>', options)
    assert "selected" not in options
    reponse = nav.post(url, {"version": str(parcours.version), "sortie_le": str(date.today()),
                             "bilan": "Bilan tapé avec la personne"})
    page = texte(reponse)
    assert reponse.status_code == 422
    assert "Motif de sortie (et sa catégorie) : Ce champ est obligatoire" in page
    assert "Bilan tapé avec la personne" in page
    ctx.expire_all()
    assert ctx.get(Parcours, parcours.id).est_ouvert


@pytest.fixture
def clos_sans_projet(ctx, monde, personne):
    parcours = ouvrir(ctx, personne, monde.conseiller, debut=date.today() - timedelta(days=30))
    sortie.clore_parcours(ctx, parcours, par=monde.conseiller, version=parcours.version, sortie_le=date.today(),
                          motif="cdi", bilan="Embauche", aujourd_hui=aujourdhui())
    ctx.commit()
    return parcours


@pytest.mark.parametrize("chemin, donnees, statut", [
    ("projet", {}, 422),
    ("projet/metiers", {"rome_code": "N1103"}, 422),
    ("projet/confrontations", {"type_confrontation": "enquete_metier", "le": str(date.today())}, 422),
    ("projet/validation", {"version": "1", "projet_valide": "Cariste", "valide_le": str(date.today())}, 422),
])
def test_projet_d_un_parcours_clos_sans_projet(nav, monde, ctx, clos_sans_projet, chemin, donnees, statut):
    """These POSTs gave a 500; now a clear business error, and nothing is created."""
    nav.connexion(monde.conseiller.email)
    base = f"/parcours/{clos_sans_projet.id}"
    reponse = nav.post(f"{base}/{chemin}", donnees, depuis=f"{base}/projet")
    assert reponse.status_code == statut
    assert "Le parcours est clos" in texte(reponse)
    ctx.expire_all()
    assert ctx.query(Projet).filter_by(parcours_id=clos_sans_projet.id).count() == 0


def test_suivi_avec_un_mois_qui_n_est_pas_un_nombre(nav, monde, ctx, clos_sans_projet):
    nav.connexion(monde.conseiller.email)
    base = f"/parcours/{clos_sans_projet.id}"
    reponse = nav.post(f"{base}/suivis", {"mois": "abc", "fait_le": str(date.today()), "situation": "emploi"},
                       depuis=base)
    assert reponse.status_code == 303
    assert "3 ou 6 mois" in texte(nav.get(base))
