"""Fixtures of the ateliers tests: the cast (fabrique.monde()), people, an atelier with its
progression and a session."""
from __future__ import annotations

import html
from datetime import date, time, timedelta

import pytest

from cipdesk.ateliers.conception import services as conception
from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine
from cipdesk.ateliers.sessions import services as sessions
from cipdesk.ateliers.sessions.rules import Periode
from cipdesk.personnes.models import StatutPersonne


def texte(reponse) -> str:
    return html.unescape(reponse.get_data(as_text=True))


@pytest.fixture
def monde(fabrique):
    return fabrique.monde()


@pytest.fixture
def personnes(fabrique, monde):
    """Three people of the conseiller's caseload, one of the colleague's, one elsewhere."""
    return {
        "lea": fabrique.personne(monde.structure, referent=monde.conseiller, nom="Durand", prenom="Léa",
                                 statut=StatutPersonne.ACCOMPAGNEE),
        "omar": fabrique.personne(monde.structure, referent=monde.conseiller, nom="Benali", prenom="Omar",
                                  statut=StatutPersonne.ACCOMPAGNEE),
        "ines": fabrique.personne(monde.structure, referent=monde.conseiller, nom="Petit", prenom="Inès",
                                  statut=StatutPersonne.ACCOMPAGNEE),
        "collegue": fabrique.personne(monde.structure, referent=monde.collegue, nom="Moreau", prenom="Paul",
                                      statut=StatutPersonne.ACCOMPAGNEE),
        "ailleurs": fabrique.personne(monde.autre_structure, referent=monde.conseiller_ailleurs, nom="Roche",
                                      prenom="Zoé", statut=StatutPersonne.ACCOMPAGNEE),
    }


def creer_atelier(ctx, conseiller, **kw):
    champs = dict(titre="Numérique : mes démarches en ligne", origine=Origine.BESOIN, contexte="Freins numériques",
                  caracteristiques_public="Adultes", places_min=2, places_max=8, duree_minutes=180,
                  format=Format.PRESENTIEL, objectif_general="Autonomie")
    champs.update(kw)
    atelier = conception.creer_atelier(ctx, par=conseiller, le=date.today(), **champs)
    objectif = conception.ajouter_objectif(ctx, atelier, par=conseiller, capacite="envoyer un courriel",
                                           modalite_evaluation="mise en situation")
    for titre, duree in (("Accueil", 30), ("Démonstration", 60), ("Exercice", 60)):
        conception.ajouter_sequence(ctx, atelier, par=conseiller, titre=titre, duree_minutes=duree,
                                    objectif_id=objectif.id, methode=Methode.ACTIVE, modalite=Modalite.COLLECTIF,
                                    format=Format.PRESENTIEL)
    ctx.commit()
    return atelier


def creer_session(ctx, atelier, animateur, *, jour=None, capacite=8):
    sess = sessions.creer_session(ctx, atelier, par=animateur, le=date.today(), animateur=animateur, lieu="Salle 1",
                                  co_animateurs="Médiatrice numérique", capacite=capacite,
                                  jour=jour or date.today() - timedelta(days=1), periode=Periode.MATIN,
                                  debut=time(9), fin=time(12))
    ctx.commit()
    return sess


@pytest.fixture
def atelier(ctx, monde):
    return creer_atelier(ctx, monde.conseiller)


@pytest.fixture
def session_passee(ctx, atelier, monde):
    return creer_session(ctx, atelier, monde.conseiller)
