"""An enrolment in an atelier becomes an étape « atelier » of the person's open parcours
(issue #12, point 5), through a signal: the ateliers module never calls the parcours."""
from __future__ import annotations

from datetime import time, timedelta

from cipdesk.ateliers.sessions import services as sessions
from cipdesk.ateliers.sessions.rules import Periode
from cipdesk.core.dates import aujourdhui
from tests.factories.ateliers import objets_ateliers
from tests.factories.parcours import objets_parcours


def test_l_inscription_devient_une_etape_du_parcours(fabrique, ctx):
    from cipdesk.ateliers.sessions.models import SessionAtelier
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.personnes.models import Personne

    monde = fabrique.monde()
    ids_parcours = objets_parcours(ctx, monde)
    ids_ateliers = objets_ateliers(ctx, monde)
    personne = ctx.get(Personne, ids_parcours["personne"])
    parcours = ctx.get(Parcours, ids_parcours["parcours"])
    atelier = ctx.get(SessionAtelier, ids_ateliers["session_atelier"]).atelier
    jour = aujourdhui() + timedelta(days=7)
    sess = sessions.creer_session(ctx, atelier, par=monde.conseiller, le=aujourdhui(), animateur=monde.conseiller,
                                  lieu="Salle 2", co_animateurs="", capacite=8, jour=jour,
                                  periode=Periode.MATIN, debut=time(9), fin=time(12))
    avant = len(parcours.etapes)
    sessions.inscrire(ctx, sess, personne, par=monde.conseiller, le=aujourdhui(),
                      contexte={"file_active_partagee": False})
    ctx.flush()
    ctx.refresh(parcours)
    nouvelles = [e for e in parcours.etapes if e.type_code == "atelier"]
    assert len(parcours.etapes) == avant + 1 and len(nouvelles) == 1
    assert nouvelles[0].intitule == f"Atelier : {atelier.titre}" and nouvelles[0].echeance == jour

    # A second session of the same atelier links to the same planned étape.
    sess2 = sessions.creer_session(ctx, atelier, par=monde.conseiller, le=aujourdhui(), animateur=monde.conseiller,
                                   lieu="Salle 2", co_animateurs="", capacite=8, jour=jour + timedelta(days=7),
                                   periode=Periode.MATIN, debut=time(9), fin=time(12))
    sessions.inscrire(ctx, sess2, personne, par=monde.conseiller, le=aujourdhui(),
                      contexte={"file_active_partagee": False})
    ctx.flush()
    ctx.refresh(parcours)
    assert len([e for e in parcours.etapes if e.type_code == "atelier"]) == 1
    ctx.rollback()


def test_sans_parcours_ouvert_rien_n_est_ajoute(fabrique, ctx):
    """objets_ateliers enrols a person without a parcours: the enrolment stands alone."""
    from cipdesk.parcours.contrat.models import Parcours
    from sqlalchemy import func, select

    monde = fabrique.monde()
    objets_ateliers(ctx, monde)
    assert ctx.scalar(select(func.count()).select_from(Parcours)) == 0


def test_la_presence_fait_avancer_l_etape_atelier(fabrique, ctx, nav):
    """Issue #12: attendance recorded in the grid moves the participant's étape « atelier »
    (parcours module, by the presence_atelier signal): en cours after the first half-day,
    réalisée after the last; an absence leaves it as it was; each change is logged."""
    from datetime import date, time

    from cipdesk.ateliers.sessions.models import SessionAtelier
    from cipdesk.parcours.contrat.models import Parcours
    from cipdesk.parcours.etapes.rules import StatutEtape
    from cipdesk.personnes.models import Personne

    monde = fabrique.monde()
    ids_parcours = objets_parcours(ctx, monde)
    ids_ateliers = objets_ateliers(ctx, monde)
    personne = ctx.get(Personne, ids_parcours["personne"])
    atelier = ctx.get(SessionAtelier, ids_ateliers["session_atelier"]).atelier
    j1, j2 = date.today() - timedelta(days=8), date.today() - timedelta(days=1)
    sess = sessions.creer_session(ctx, atelier, par=monde.conseiller, le=date.today(), animateur=monde.conseiller,
                                  lieu="Salle 2", co_animateurs="", capacite=8, jour=j1,
                                  periode=Periode.MATIN, debut=time(9), fin=time(12))
    sessions.ajouter_demi_journee(ctx, sess, par=monde.conseiller, jour=j2, periode=Periode.MATIN,
                                  debut=time(9), fin=time(12))
    inscription = sessions.inscrire(ctx, sess, personne, par=monde.conseiller, le=date.today(),
                                    contexte={"file_active_partagee": False})
    ctx.commit()
    premiere, derniere = sorted(sess.demi_journees, key=lambda d: d.le)
    ids = {"parcours": ids_parcours["parcours"], "inscription": inscription.id,
           "premiere": premiere.id, "derniere": derniere.id}

    def etape():
        ctx.expire_all()
        parcours = ctx.get(Parcours, ids["parcours"])
        return next(e for e in parcours.etapes if e.type_code == "atelier")

    assert etape().statut == StatutEtape.PREVUE
    nav.connexion(monde.conseiller.email)
    champ = f"statut-{ids['inscription']}"
    assert nav.post(f"/ateliers/presences/{ids['premiere']}", {champ: "absent"}).status_code == 303
    assert etape().statut == StatutEtape.PREVUE
    assert nav.post(f"/ateliers/presences/{ids['premiere']}", {champ: "retard"}).status_code == 303
    assert etape().statut == StatutEtape.EN_COURS
    assert nav.post(f"/ateliers/presences/{ids['derniere']}", {champ: "present"}).status_code == 303
    e = etape()
    assert e.statut == StatutEtape.REALISEE and e.realisee_le == j2
    assert [(ev.statut_avant, ev.statut_apres) for ev in e.evenements][1:] == [
        ("prevue", "en_cours"), ("en_cours", "realisee")]
    assert e.evenements[-1].motif == f"Présence à l'atelier le {j2:%d/%m/%Y}"
