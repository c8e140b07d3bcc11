"""Issue 12: designing an atelier (CP9) — creation from a need, cahier des charges,
objectifs, progression with keyboard reordering, duplication; bad inputs; access."""
from __future__ import annotations

import re

from cipdesk.ateliers.conception.models import Atelier, Sequence
from sqlalchemy import select

from tests.http.ateliers.conftest import texte

ATELIER_VALIDE = {
    "titre": "Préparer un entretien", "origine": "demande", "commanditaire": "Conseil départemental",
    "contexte": "Demande du PDI", "caracteristiques_public": "Bénéficiaires du RSA", "places_min": "4",
    "places_max": "10", "duree_minutes": "180", "format": "presentiel", "objectif_general": "Se présenter",
    "satisfaction_a_chaud": "y",
}


def test_creer_un_atelier_puis_sa_progression(nav, monde, ctx):
    nav.connexion(monde.conseiller.email)
    page = nav.get("/ateliers/nouveau")
    assert page.status_code == 200
    assert '<option selected value="">— choisir —</option>' in texte(page) or "— choisir —" in texte(page)
    reponse = nav.post("/ateliers/nouveau", ATELIER_VALIDE)
    assert reponse.status_code == 303
    atelier = ctx.scalar(select(Atelier).where(Atelier.titre == "Préparer un entretien"))
    assert atelier.commanditaire == "Conseil départemental" and atelier.places_max == 10
    url = f"/ateliers/{atelier.id}"
    assert nav.post(f"{url}/objectifs", {"capacite": "se présenter en 2 minutes",
                                         "modalite_evaluation": "simulation"}, depuis=url).status_code == 303
    for titre, duree in (("Brise-glace", "30"), ("Simulations", "120"), ("Bilan", "60")):
        r = nav.post(f"{url}/sequences", {"titre": titre, "duree_minutes": duree, "methode": "active",
                                          "modalite": "sous_groupes", "format": "presentiel"}, depuis=url)
        assert r.status_code == 303
    page = texte(nav.get(url))
    assert "Active / expérientielle" in page and "En sous-groupes" in page
    assert "La progression dure 3 h 30, plus que la durée prévue (3 h)" in page  # a warning, not a block
    ctx.expire_all()
    sequences = ctx.scalars(select(Sequence).where(Sequence.atelier_id == atelier.id).order_by(Sequence.ordre)).all()
    assert [s.titre for s in sequences] == ["Brise-glace", "Simulations", "Bilan"]
    # reorder with a plain submit button (keyboard-usable)
    assert 'name="sens" value="monter"' in page
    r = nav.post(f"/ateliers/sequences/{sequences[2].id}/deplacer", {"sens": "monter"}, depuis=url)
    assert r.status_code == 303
    ctx.expire_all()
    ordre = ctx.scalars(select(Sequence.titre).where(Sequence.atelier_id == atelier.id).order_by(Sequence.ordre)).all()
    assert ordre == ["Brise-glace", "Bilan", "Simulations"]
    r = nav.post(f"/ateliers/{atelier.id}/dupliquer", {}, depuis=url)
    assert r.status_code == 303
    copie = ctx.scalar(select(Atelier).where(Atelier.modele_id == atelier.id))
    assert copie.titre == "Préparer un entretien (copie)" and len(copie.sequences) == 3 and len(copie.objectifs) == 1


def test_mauvaises_saisies_de_la_conception(nav, monde, atelier):
    nav.connexion(monde.conseiller.email)
    mauvais = dict(ATELIER_VALIDE, places_min="12", places_max="8", commanditaire="")
    r = nav.post("/ateliers/nouveau", mauvais)
    assert r.status_code == 422
    page = texte(r)
    assert "qui a formulé la demande" in page
    assert 'value="Préparer un entretien"' in page  # the input is kept
    r = nav.post("/ateliers/nouveau", dict(ATELIER_VALIDE, places_min="12", places_max="8"))
    assert r.status_code == 422 and "Le minimum (12) dépasse le maximum de places (8)." in texte(r)
    r = nav.post("/ateliers/nouveau", dict(ATELIER_VALIDE, origine=""))
    assert r.status_code == 422 and "Ce champ est obligatoire." in texte(r)
    url = f"/ateliers/{atelier.id}"
    r = nav.post(f"{url}/sequences", {"titre": "Trop longue", "duree_minutes": "200", "methode": "active",
                                      "modalite": "collectif", "format": "presentiel"}, depuis=url)
    assert r.status_code == 422
    assert "est plus longue que la session prévue au cahier des charges (3 h)" in texte(r)
    assert 'value="Trop longue"' in texte(r)
    r = nav.post(f"{url}/sequences", {"titre": "x", "duree_minutes": "abc", "methode": "active",
                                      "modalite": "collectif", "format": "presentiel"}, depuis=url)
    assert r.status_code == 422 and "Saisissez un nombre entier." in texte(r)


def test_besoins_de_la_file_active_sans_nom(nav, monde):
    nav.connexion(monde.chef.email)
    page = nav.get("/ateliers/")
    assert page.status_code == 200 and "Besoins de la file active" in texte(page)
    assert "Concevoir un atelier</a>" not in texte(page)  # the chef sees, does not design


def test_acces_a_la_conception(nav_factory, monde, atelier):
    url = f"/ateliers/{atelier.id}"
    cas = [
        (monde.admin, "get", "/ateliers/", 403), (monde.admin, "get", url, 403),
        (monde.chef, "get", url, 200), (monde.chef, "get", "/ateliers/nouveau", 403),
        (monde.chef, "post", f"{url}/objectifs", 403),
        (monde.collegue, "get", url, 200),   # conseillers of the structure run its ateliers
        (monde.conseiller_ailleurs, "get", url, 404), (monde.conseiller_ailleurs, "get", f"{url}/modifier", 404),
        (monde.chef_ailleurs, "get", url, 404),
    ]
    for utilisateur, methode, chemin, attendu in cas:
        nav = nav_factory()
        nav.connexion(utilisateur.email)
        if methode == "get":
            r = nav.get(chemin)
        else:
            r = nav.post(chemin, {"capacite": "x"}, depuis="/ateliers/" if utilisateur is not monde.admin else "/")
        assert r.status_code == attendu, (utilisateur.role, chemin, r.status_code)


def test_deplacer_une_sequence_d_une_autre_structure(nav, monde, ctx, fabrique):
    from tests.http.ateliers.conftest import creer_atelier

    ailleurs = creer_atelier(ctx, monde.conseiller_ailleurs)
    nav.connexion(monde.conseiller.email)
    r = nav.post(f"/ateliers/sequences/{ailleurs.sequences[0].id}/deplacer", {"sens": "monter"}, depuis="/ateliers/")
    assert r.status_code == 404
    assert re.search("introuvable", texte(r), re.I)


def test_modifier_et_reordonner_objectifs_et_sequences(nav, monde, atelier, ctx):
    """Point 3: objectives and séquences stay editable (input kept on a bad value), objectives
    reorder like séquences, the progression's total is checked against the session (a warning)."""
    from cipdesk.ateliers.conception.models import ObjectifPedagogique
    from cipdesk.ateliers.conception import services

    second = services.ajouter_objectif(ctx, ctx.get(Atelier, atelier.id), par=ctx.merge(monde.conseiller),
                                       capacite="joindre un CV", modalite_evaluation="envoi réel")
    ctx.commit()
    nav.connexion(monde.conseiller.email)
    url = f"/ateliers/{atelier.id}"
    objectif = atelier.objectifs[0]
    page = texte(nav.get(f"/ateliers/objectifs/{objectif.id}/modifier"))
    assert "envoyer un courriel" in page   # pre-filled with the record, not with defaults
    assert 'name="version" type="hidden" value="1"' in page
    r = nav.post(f"/ateliers/objectifs/{objectif.id}/modifier", {"capacite": "", "conditions": "Sur un poste",
                                                                  "modalite_evaluation": "mise en situation",
                                                                  "version": "1"})
    assert r.status_code == 422 and "Ce champ est obligatoire." in texte(r) and "Sur un poste" in texte(r)
    assert nav.post(f"/ateliers/objectifs/{objectif.id}/modifier", {
        "capacite": "envoyer un courriel avec une pièce jointe", "conditions": "Sur un poste",
        "modalite_evaluation": "mise en situation", "version": "1"}).status_code == 303
    # a colleague's form, read before that save: refused, what they typed is kept (issue #12)
    r = nav.post(f"/ateliers/objectifs/{objectif.id}/modifier", {
        "capacite": "écrire un courriel", "modalite_evaluation": "mise en situation", "version": "1"})
    assert r.status_code == 409 and "Un·e collègue a modifié cet objectif entre-temps" in texte(r)
    assert "écrire un courriel" in texte(r)
    assert nav.post(f"/ateliers/objectifs/{second.id}/deplacer", {"sens": "monter"}, depuis=url).status_code == 303
    ctx.expire_all()
    ordre = ctx.scalars(select(ObjectifPedagogique.capacite).where(ObjectifPedagogique.atelier_id == atelier.id)
                        .order_by(ObjectifPedagogique.ordre)).all()
    assert ordre == ["joindre un CV", "envoyer un courriel avec une pièce jointe"]

    sequence = ctx.get(Atelier, atelier.id).sequences[1]   # « Démonstration », 60 min
    url_seq = f"/ateliers/sequences/{sequence.id}/modifier"
    page = texte(nav.get(url_seq))
    assert 'value="Démonstration"' in page and 'selected value="active"' in page
    valeurs = {"titre": "Démonstration guidée", "duree_minutes": "240", "methode": "demonstrative",
               "modalite": "collectif", "format": "presentiel", "contenu": "Pas à pas",
               "objectif_id": str(second.id), "version": "1"}
    r = nav.post(url_seq, valeurs)
    assert r.status_code == 422
    assert "La séquence (4 h) est plus longue que la session prévue au cahier des charges (3 h)." in texte(r)
    assert 'value="Démonstration guidée"' in texte(r) and "Pas à pas" in texte(r)
    r = nav.post(url_seq, dict(valeurs, duree_minutes="120"))
    assert r.status_code == 303
    page = texte(nav.get(url))
    assert "Séquence modifiée. La progression dure 3 h 30, plus que la durée prévue (3 h)" in page
    assert "Démonstration guidée" in page and "Démonstrative" in page
    for version in ("1", ""):   # a stale form, or one without its version: refused, input kept
        r = nav.post(url_seq, dict(valeurs, duree_minutes="45", contenu="Autre contenu", version=version))
        assert r.status_code == 409 and "Un·e collègue a modifié cette séquence entre-temps" in texte(r)
        assert "Autre contenu" in texte(r)


def test_la_session_compare_la_progression_a_sa_duree(nav, monde, atelier, ctx):
    """The total of the progression (2 h 30 here) against the session's half-days: a warning."""
    from tests.http.ateliers.conftest import creer_session

    sess = creer_session(ctx, atelier, monde.conseiller)   # one half-day 9 h – 12 h: 3 h
    nav.connexion(monde.conseiller.email)
    page = texte(nav.get(f"/ateliers/sessions/{sess.id}"))
    assert "La progression dure 2 h 30, moins que la durée prévue (3 h) : il reste 30 min à construire." in page


def test_reordonner_la_progression_par_glisser_deposer(nav, monde, atelier, ctx):
    """Issue #12, point 3: the order dropped in the browser (static/js/glisser.js posts the
    séquences' ids) is recorded; a stale order is refused with a message and moves nothing;
    the « Monter » / « Descendre » buttons stay beside the drag handle for the keyboard."""
    url = f"/ateliers/{atelier.id}"
    ids = [str(s.id) for s in ctx.get(Atelier, atelier.id).sequences]   # Accueil, Démonstration, Exercice
    nav.connexion(monde.conseiller.email)
    page = texte(nav.get(url))
    assert 'data-glisser="ordre-progression"' in page and f'data-id="{ids[0]}"' in page
    assert 'id="ordre-progression"' in page and "js/glisser.js" in page and "Monter la séquence" in page
    r = nav.post(f"/ateliers/{atelier.id}/sequences/ordre", {"sequence": [ids[2], ids[0], ids[1]]}, depuis=url)
    assert r.status_code == 303 and r.headers["Location"].endswith("#progression")
    ctx.expire_all()
    assert [s.titre for s in ctx.get(Atelier, atelier.id).sequences] == ["Exercice", "Accueil", "Démonstration"]
    assert "Ordre de la progression enregistré." in texte(nav.get(url))
    r = nav.post(f"/ateliers/{atelier.id}/sequences/ordre", {"sequence": [ids[0], ids[1]]}, depuis=url)
    assert "La progression a changé depuis l'affichage de la page" in texte(nav.get(r.headers["Location"]))
    r = nav.post(f"/ateliers/{atelier.id}/sequences/ordre", {"sequence": ["pas-un-uuid"]}, depuis=url)
    assert "Ordre des séquences illisible" in texte(nav.get(r.headers["Location"]))
    ctx.expire_all()
    assert [s.titre for s in ctx.get(Atelier, atelier.id).sequences] == ["Exercice", "Accueil", "Démonstration"]
