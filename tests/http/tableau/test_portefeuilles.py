"""Caseload balance (issue #17, point 7): the chef sees each conseiller's caseload and the
people without a référent, and reassigns a person with a required, journalled reason; the
confidential notes stay with their readers."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from cipdesk.parcours.contrat.models import Parcours
from cipdesk.personnes.models import Personne
from cipdesk.security.audit import JournalAudit
from tests.factories.tableau import monde_du_tableau


@pytest.fixture
def monde(ctx, fabrique):
    return monde_du_tableau(ctx, fabrique)


def test_portefeuilles_et_personnes_sans_referent(nav, monde):
    nav.connexion(monde.chef.email)
    page = nav.get("/tableau-de-bord/portefeuilles").get_data(as_text=True)
    # Accompanied today: A has P1 (P2 has left), B has P3; P7 has no référent.
    assert "Anne Arnaud</th><td class=\"nombre\">1</td>" in page
    assert "Bruno Bernard</th><td class=\"nombre\">1</td>" in page
    assert "Test Sept" in page and f"/tableau-de-bord/portefeuilles/{monde.p7.id}" in page
    assert "Huit" not in page and "Neuf" not in page


def test_reaffecter_avec_motif_journalise(nav, monde, ctx):
    nav.connexion(monde.chef.email)
    url = f"/tableau-de-bord/portefeuilles/{monde.p1.id}"
    reponse = nav.post(url, {"conseiller": str(monde.b.id), "motif": "Rééquilibrage des portefeuilles"})
    assert reponse.status_code == 303
    ctx.expire_all()
    assert ctx.get(Personne, monde.p1.id).referent_id == monde.b.id
    # The open parcours follows; closed ones keep their history.
    referents = set(ctx.scalars(select(Parcours.referent_id).where(Parcours.personne_id == monde.p1.id)))
    assert referents == {monde.b.id}
    ligne = ctx.scalars(select(JournalAudit).where(JournalAudit.objet_type == "reaffectation")).one()
    assert ligne.motif == "Rééquilibrage des portefeuilles" and ligne.acteur_id == monde.chef.id
    assert ligne.details["de"] == str(monde.a.id) and ligne.details["vers"] == str(monde.b.id)


@pytest.mark.parametrize("donnees,champ,message", [
    ({"conseiller": "", "motif": "Charge"}, "conseiller", "Choisissez le ou la conseiller·ère qui suivra la personne."),
    ({"conseiller": "B", "motif": ""}, "motif", "Indiquez le motif de la réaffectation (il est journalisé)."),
    ({"conseiller": "B", "motif": "x" * 501}, "motif", "Le motif tient en 500 caractères au plus."),
])
def test_mauvaise_saisie_gardee(nav, monde, ctx, donnees, champ, message):
    nav.connexion(monde.chef.email)
    donnees = {k: (str(monde.b.id) if v == "B" else v) for k, v in donnees.items()}
    reponse = nav.post(f"/tableau-de-bord/portefeuilles/{monde.p1.id}", donnees)
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 422
    assert message in html and f'id="{champ}-erreur"' in html
    if donnees["conseiller"]:
        assert f'<option selected value="{monde.b.id}">' in html or f'value="{monde.b.id}" selected' in html
    if donnees["motif"]:
        assert donnees["motif"] in html
    ctx.expire_all()
    assert ctx.get(Personne, monde.p1.id).referent_id == monde.a.id


def test_un_conseiller_d_une_autre_equipe_n_est_pas_un_choix(nav, monde, ctx):
    nav.connexion(monde.chef.email)
    reponse = nav.post(f"/tableau-de-bord/portefeuilles/{monde.p1.id}", {"conseiller": str(monde.x.id),
                                                                          "motif": "Charge"})
    assert reponse.status_code == 422
    ctx.expire_all()
    assert ctx.get(Personne, monde.p1.id).referent_id == monde.a.id


def test_attribuer_un_referent_a_une_personne_qui_n_en_a_pas(nav, monde, ctx):
    nav.connexion(monde.chef.email)
    reponse = nav.post(f"/tableau-de-bord/portefeuilles/{monde.p7.id}", {"conseiller": str(monde.a.id),
                                                                          "motif": "Nouvelle arrivée"})
    assert reponse.status_code == 303
    ctx.expire_all()
    assert ctx.get(Personne, monde.p7.id).referent_id == monde.a.id


@pytest.mark.parametrize("role,cible,attendu", [
    ("a", "p1", 403), ("admin", "p1", 403), ("chef", "p8", 403), ("chef_ailleurs", "p1", 404),
    ("chef_ailleurs", "p7", 404),
])
def test_acces(nav, monde, role, cible, attendu):
    nav.connexion(getattr(monde, role).email)
    assert nav.get(f"/tableau-de-bord/portefeuilles/{getattr(monde, cible).id}").status_code == attendu


def test_les_notes_restent_a_leurs_lecteurs(nav, nav_factory, monde, ctx):
    from cipdesk.notes import services as notes

    note = notes.ecrire_note(ctx, auteur=monde.a, contenu="Confidentiel 4e1b", objet_type="personne",
                             objet_id=monde.p1.id)
    ctx.commit()
    nav.connexion(monde.chef.email)
    assert nav.post(f"/tableau-de-bord/portefeuilles/{monde.p1.id}",
                    {"conseiller": str(monde.b.id), "motif": "Départ en formation"}).status_code == 303
    nouveau = nav_factory()
    nouveau.connexion(monde.b.email)
    assert nouveau.get(f"/notes/{note.id}").status_code == 403
    auteur = nav_factory()
    auteur.connexion(monde.a.email)
    assert "Confidentiel 4e1b" in auteur.get(f"/notes/{note.id}").get_data(as_text=True)
