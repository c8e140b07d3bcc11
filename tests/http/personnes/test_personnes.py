"""File active and the person: search, filters, htmx fragment, pagination, query
count, creation with duplicate warning, validation messages, access rules."""
from __future__ import annotations

import html
from datetime import date

import pytest
from sqlalchemy import func, select

from cipdesk.personnes.models import Personne
from tests.factories.accueil import accueil, personne
from tests.http.requetes import compter_requetes

HTMX = {"HX-Request": "true"}


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def test_file_active_liste_et_alertes(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, nom="Benali", prenom="Karim", telephone="06 12 34 56 78", publics=["rsa"])
    accueil(ctx, m.conseiller, p, urgence_ouverte=True)
    personne(ctx, m.collegue, nom="Invisible", prenom="Autre")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page_html = _texte(nav.get("/accueil/"))
    assert "Benali Karim" in page_html and "Invisible" not in page_html
    assert "Urgence non traitée : hébergement" in page_html
    assert "Bénéficiaire du RSA" in page_html


@pytest.mark.parametrize("q, trouve", [("benal", True), ("KARIM", True), ("17/05/1990", True),
                                       ("0612", True), ("+33 6 12", True), ("dupont", False), ("31/02/1990", False)])
def test_recherche(nav, fabrique, ctx, q, trouve):
    m = fabrique.monde()
    personne(ctx, m.conseiller, nom="Bénali", prenom="Karim", telephone="06 12 34 56 78")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.get("/accueil/", query_string={"q": q}, headers=HTMX)
    assert r.status_code == 200
    assert ("Bénali Karim" in _texte(r)) is trouve
    assert "<html" not in _texte(r)  # the fragment only
    assert "HX-Request" in r.headers["Vary"]


def test_fragment_et_page_complete_identiques(nav, fabrique, ctx):
    m = fabrique.monde()
    personne(ctx, m.conseiller, nom="Roux", prenom="Inès")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    fragment = _texte(nav.get("/accueil/?q=roux", headers=HTMX)).strip()
    page = _texte(nav.get("/accueil/?q=roux"))
    assert fragment in page


def test_filtres_tri_et_pagination(nav, fabrique, ctx):
    m = fabrique.monde()
    for i in range(30):
        personne(ctx, m.conseiller, nom=f"Nom{i:02d}", prenom="Test", naissance=date(1980, 1, 1 + i % 28),
                 publics=["qpv"] if i % 2 else [])
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page_html = _texte(nav.get("/accueil/"))
    assert "30 personnes" in page_html and "page 1 sur 2" in page_html and "Nom00 Test" in page_html and "Nom29" not in page_html
    assert "Nom29 Test" in _texte(nav.get("/accueil/?page=2"))
    assert "15 personnes" in _texte(nav.get("/accueil/?public=qpv"))
    assert "0 personne" in _texte(nav.get("/accueil/?urgence=1"))
    assert nav.get("/accueil/?tri=dernier_contact&page=abc").status_code == 200



def test_file_active_nombre_de_requetes_constant(app, nav, fabrique, ctx):
    m = fabrique.monde()
    for i in range(5):
        accueil(ctx, m.conseiller, personne(ctx, m.conseiller, nom=f"A{i}", prenom="X"))
    ctx.commit()
    nav.connexion(m.conseiller.email)
    nav.get("/accueil/")  # warm-up (session, user)
    avec_5 = compter_requetes(app, nav, "/accueil/")
    for i in range(35):
        accueil(ctx, m.conseiller, personne(ctx, m.conseiller, nom=f"B{i}", prenom="Y"))
    ctx.commit()
    avec_40 = compter_requetes(app, nav, "/accueil/")
    assert avec_5 == avec_40, (avec_5, avec_40)


def test_creation_avec_avertissement_de_doublon(nav, fabrique, ctx):
    m = fabrique.monde()
    personne(ctx, m.conseiller, nom="Dupont", prenom="Élodie", naissance=date(1990, 1, 2))
    ctx.commit()
    nav.connexion(m.conseiller.email)
    donnees = {"nom": "DUPONT", "prenom": "elodie", "date_naissance": "1990-01-02", "sexe": "femme",
               "niveau_formation": "inconnu", "referent": str(m.conseiller.id), "telephone": "0612345678"}
    r = nav.post("/accueil/personnes/nouvelle", donnees)
    assert r.status_code == 422
    page_html = _texte(r)
    assert "Doublon probable" in page_html and "Je confirme qu'il s'agit d'une autre personne" in page_html
    assert 'value="DUPONT"' in page_html  # nothing typed is lost
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 1
    r = nav.post("/accueil/personnes/nouvelle", {**donnees, "confirmer_doublon": "y"},
                 depuis="/accueil/personnes/nouvelle")
    assert r.status_code == 303
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 2


@pytest.mark.parametrize("champ, valeur, message", [
    ("date_naissance", "2099-01-01", "futur"),
    ("date_naissance", "31/02/1990", "Date invalide ou impossible"),
    ("date_naissance", "1850-01-01", "vérifiez l'année"),
    ("telephone", "12", "Numéro de téléphone invalide"),
    ("email", "pas-un-courriel", "Adresse électronique invalide"),
    ("code_postal", "99999", "Code postal invalide"),
    ("nom", "", "obligatoire"),
])
def test_creation_saisie_invalide(nav, fabrique, ctx, champ, valeur, message):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    donnees = {"nom": "Leroy", "prenom": "Paul", "sexe": "homme", "niveau_formation": "inconnu",
               "referent": str(m.conseiller.id), champ: valeur}
    r = nav.post("/accueil/personnes/nouvelle", donnees)
    assert r.status_code == 422
    page_html = _texte(r)
    assert message in page_html and "à corriger" in page_html
    assert ctx.scalar(select(func.count()).select_from(Personne)) == 0


def test_fiche_modification_et_chronologie(nav, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, telephone="0612345678")
    accueil(ctx, m.conseiller, p, urgence_ouverte=False)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page_html = _texte(nav.get(f"/accueil/personnes/{p.id}"))
    assert "06 12 34 56 78" in page_html and "Accueil individuel (sur place)" in page_html
    url = f"/accueil/personnes/{p.id}/modifier"
    page = _texte(nav.get(url))
    assert 'value="Martin"' in page
    r = nav.post(url, {"nom": "Martin-Roux", "prenom": "Léa", "sexe": "femme", "niveau_formation": "cite_3_4",
                       "referent": str(m.conseiller.id), "version": str(p.version), "publics": ["qpv", "rsa"],
                       "code_postal": "59100"})
    assert r.status_code == 303
    ctx.expire_all()
    p = ctx.get(Personne, p.id)
    assert p.nom == "Martin-Roux" and p.publics == ["qpv", "rsa"] and p.nom_recherche.startswith("martin roux")
    r = nav.post(url, {"nom": "X", "prenom": "Y", "sexe": "femme", "niveau_formation": "inconnu",
                       "referent": str(m.conseiller.id), "version": "1"})
    assert r.status_code == 409 and "modifiée entre-temps" in _texte(r)


def test_acces_file_partagee_et_chef(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller, nom="Partagee")
    ctx.commit()
    nav.connexion(m.collegue.email)
    assert nav.get(f"/accueil/personnes/{p.id}").status_code == 403
    assert "Partagee" not in _texte(nav.get("/accueil/"))
    m.structure.parametres = {"file_active_partagee": True}
    ctx.commit()
    assert nav.get(f"/accueil/personnes/{p.id}").status_code == 200
    assert "Partagee" in _texte(nav.get("/accueil/"))
    # chef of another team of the same structure: not their team
    autre_equipe = fabrique.equipe(m.structure)
    chef2 = fabrique.utilisateur(m.structure, equipe=autre_equipe, chef=True)
    n2 = nav_factory()
    n2.connexion(chef2.email)
    assert n2.get(f"/accueil/personnes/{p.id}").status_code == 403
    assert "Partagee" not in _texte(n2.get("/accueil/"))
    n3 = nav_factory()
    n3.connexion(m.chef.email)
    assert "Partagee" in _texte(n3.get("/accueil/"))
    assert n3.get(f"/accueil/personnes/{p.id}/modifier").status_code == 403
    n4 = nav_factory()
    n4.connexion(m.conseiller_ailleurs.email)
    assert n4.get(f"/accueil/personnes/{p.id}").status_code == 404
    assert "Partagee" not in _texte(n4.get("/accueil/?q=partagee"))


@pytest.mark.parametrize("q, trouves", [
    ("dupond", {"Dupont Karim"}),                  # phonetic variant
    ("lefebvre", {"Lefèvre Yasmine"}),             # phonetic variant
    ("lefevre yas", {"Lefèvre Yasmine"}),
    ("dupnot", {"Dupont Karim"}),                  # one typo (transposition), nothing spelled so
    ("yamsine", {"Lefèvre Yasmine"}),              # one typo in the first name
    ("dupont", {"Dupont Karim"}),                  # spelled right: no typo search needed
    ("moreaux", set()),                            # the colleague's person stays out of the conseiller's reach
    ("morau", set()),
])
def test_recherche_tolerante(nav, fabrique, ctx, q, trouves):
    """Issue #11, point 6: phonetic variants and one typo, within the reader's perimeter only."""
    m = fabrique.monde()
    personne(ctx, m.conseiller, nom="Dupont", prenom="Karim")
    personne(ctx, m.conseiller, nom="Lefèvre", prenom="Yasmine")
    personne(ctx, m.conseiller, nom="Martin", prenom="Léa")
    personne(ctx, m.collegue, nom="Moreau", prenom="Paul")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _texte(nav.get("/accueil/", query_string={"q": q}, headers=HTMX))
    vus = {n for n in ("Dupont Karim", "Lefèvre Yasmine", "Martin Léa", "Moreau Paul") if n in page}
    assert vus == trouves
