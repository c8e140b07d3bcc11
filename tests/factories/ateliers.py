"""Ateliers records (an atelier, a séquence, a session with a half-day and an enrolment), through the real services."""
from __future__ import annotations

from datetime import date, time, timedelta

from cipdesk.ateliers.conception import services as conception
from cipdesk.ateliers.conception.rules import Format, Methode, Modalite, Origine
from cipdesk.ateliers.sessions import services as sessions
from cipdesk.ateliers.sessions.rules import Periode
from cipdesk.core.dates import aujourdhui
from cipdesk.personnes.models import StatutPersonne


def objets_ateliers(ctx, monde) -> dict:
    from tests.factories.fabrique import Fabrique

    personne = Fabrique(ctx, "").personne(monde.structure, referent=monde.conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    atelier = conception.creer_atelier(ctx, par=monde.conseiller, le=aujourdhui(), titre="Atelier de la matrice",
                                       origine=Origine.BESOIN, places_min=1, places_max=8, duree_minutes=180,
                                       format=Format.PRESENTIEL)
    objectif = conception.ajouter_objectif(ctx, atelier, par=monde.conseiller, capacite="envoyer un courriel",
                                           modalite_evaluation="mise en situation")
    sequence, _ = conception.ajouter_sequence(ctx, atelier, par=monde.conseiller, titre="Accueil", duree_minutes=30,
                                              methode=Methode.ACTIVE, modalite=Modalite.COLLECTIF,
                                              format=Format.PRESENTIEL)
    sess = sessions.creer_session(ctx, atelier, par=monde.conseiller, le=aujourdhui(), animateur=monde.conseiller,
                                  lieu="Salle", co_animateurs="", capacite=8, jour=aujourdhui() - timedelta(days=1),
                                  periode=Periode.MATIN, debut=time(9), fin=time(12))
    inscription = sessions.inscrire(ctx, sess, personne, par=monde.conseiller, le=aujourdhui(),
                                    contexte={"file_active_partagee": False})
    from cipdesk.ateliers.evaluations.rules import Moment
    from cipdesk.ateliers.questionnaire import services as questionnaire
    from cipdesk.core.dates import maintenant

    lien = questionnaire.ouvrir_lien(ctx, sess, par=monde.conseiller, moment=Moment.A_CHAUD, maintenant=maintenant())
    ctx.commit()
    return {"atelier": atelier.id, "sequence": sequence.id, "session_atelier": sess.id,
            "demi_journee": sess.demi_journees[0].id, "inscription": inscription.id,
            "objectif_pedagogique": objectif.id, "lien_questionnaire": lien.id,
            "jeton_questionnaire": questionnaire.jeton(lien, "cle-de-test")}  # tests/conftest.py
