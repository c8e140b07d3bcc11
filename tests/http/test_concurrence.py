"""Many concurrent writers on the same notes: no lost update, no corrupted
ciphertext, a clear conflict for the losers (SQLite and PostgreSQL)."""
from __future__ import annotations

from cipdesk.core.dates import aujourdhui

import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from cipdesk.notes import services as notes
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.security.chiffrement import ouvrir

ECRIVAINS = 8


def test_modifications_simultanees_d_une_note(app, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    note = notes.ecrire_note(ctx, auteur=monde.conseiller, contenu="Version initiale")
    ctx.commit()
    onglets = []
    for _ in range(ECRIVAINS):
        onglet = nav_factory()
        onglet.connexion(monde.conseiller.email)
        page = onglet.get(f"/notes/{note.id}/modifier").get_data(as_text=True)
        jeton = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        onglets.append((onglet, jeton))
    depart = threading.Barrier(ECRIVAINS)

    def enregistrer(i):
        onglet, jeton = onglets[i]
        depart.wait()
        return i, onglet.client.post(f"/notes/{note.id}/modifier", data={
            "contenu": f"Texte de l'onglet {i}", "version": "1", "csrf_token": jeton})

    with ThreadPoolExecutor(ECRIVAINS) as pool:
        resultats = list(pool.map(enregistrer, range(ECRIVAINS)))
    gagnants = [i for i, r in resultats if r.status_code == 303]
    perdants = [r for _i, r in resultats if r.status_code != 303]
    assert len(gagnants) == 1, [r.status_code for _i, r in resultats]
    for reponse in perdants:
        assert reponse.status_code == 409
        html = reponse.get_data(as_text=True)
        assert "modifiée entre-temps" in html or "Modification concurrente" in html
    ctx.expire_all()
    relue = ctx.get(NoteConfidentielle, note.id)
    assert relue.version == 2
    assert ouvrir(ctx, relue, "contenu") == f"Texte de l'onglet {gagnants[0]}"


def test_creations_simultanees_toutes_lisibles(app, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    auteurs = [monde.conseiller, monde.collegue, monde.candidat, monde.conseiller_ailleurs]
    onglets = []
    for auteur in auteurs:
        onglet = nav_factory()
        onglet.connexion(auteur.email)
        page = onglet.get("/notes/").get_data(as_text=True)
        onglets.append((onglet, re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)))
    textes = {f"Note simultanée {uuid.uuid4()}": i % len(auteurs) for i in range(24)}
    depart = threading.Barrier(len(textes))

    def creer(item):
        texte, k = item
        onglet, jeton = onglets[k]
        depart.wait()
        return onglet.client.post("/notes/", data={"contenu": texte, "csrf_token": jeton}).status_code

    with ThreadPoolExecutor(len(textes)) as pool:
        statuts = list(pool.map(creer, textes.items()))
    assert statuts == [303] * len(textes)
    lus = {ouvrir(ctx, n, "contenu") for n in ctx.scalars(select(NoteConfidentielle))}
    assert set(textes) <= lus


def test_reajustements_simultanes_d_une_etape(app, nav_factory, fabrique, ctx):
    """Six tabs réajust the same étape at once: one wins, the others get a clear
    409 with their input kept; the étape and its history hold only the winner."""
    from datetime import date, timedelta

    from cipdesk.parcours.etapes import services as etapes
    from cipdesk.parcours.etapes.models import Etape, EtapeEvenement
    from cipdesk.parcours.etapes.rules import Responsable
    from tests.http.parcours.test_parcours import ouvrir

    monde = fabrique.monde()
    personne = fabrique.personne(monde.structure, referent=monde.conseiller)
    parcours = ouvrir(ctx, personne, monde.conseiller)
    etape = etapes.ajouter_etape(ctx, parcours, par=monde.conseiller, type_code="formation", intitule="CACES",
                                 responsable=Responsable.PERSONNE, echeance=date.today() + timedelta(days=9),
                                 objectif="Emploi en logistique", le=aujourdhui())
    ctx.commit()
    url = f"/parcours/etapes/{etape.id}/reajuster"
    onglets = []
    for _ in range(6):
        onglet = nav_factory()
        onglet.connexion(monde.conseiller.email)
        page = onglet.get(url).get_data(as_text=True)
        jeton = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
        onglets.append((onglet, jeton, version))
    depart = threading.Barrier(len(onglets))

    def reajuster(i):
        onglet, jeton, version = onglets[i]
        depart.wait()
        return i, onglet.client.post(url, data={
            "csrf_token": jeton, "version": version, "le": str(date.today()), "type_code": "formation",
            "responsable": "personne", "echeance": str(date.today() + timedelta(days=20 + i)),
            "objectif": "Emploi en logistique", "intitule": f"CACES onglet {i}", "motif": f"Motif {i}"})

    with ThreadPoolExecutor(len(onglets)) as pool:
        resultats = list(pool.map(reajuster, range(len(onglets))))
    gagnants = [i for i, r in resultats if r.status_code == 303]
    assert len(gagnants) == 1, [r.status_code for _i, r in resultats]
    for i, reponse in resultats:
        if i not in gagnants:
            assert reponse.status_code == 409
            assert f"CACES onglet {i}" in reponse.get_data(as_text=True)  # input kept
    ctx.expire_all()
    assert ctx.get(Etape, etape.id).intitule == f"CACES onglet {gagnants[0]}"
    motifs = [e.motif for e in ctx.scalars(select(EtapeEvenement).where(EtapeEvenement.etape_id == etape.id))
              if e.motif]
    assert motifs == [f"Motif {gagnants[0]}"]
