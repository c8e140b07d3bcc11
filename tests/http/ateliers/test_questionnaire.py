"""Issue 12, point 9: satisfaction filled in by the participants on a shared tablet through a
short-lived link — signed, expiring, revocable, one open questionnaire per session, at most one
answer per enrolled participant, showing nothing else of the application."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlalchemy import select

from cipdesk.ateliers.evaluations.models import Satisfaction
from cipdesk.ateliers.evaluations.rules import Moment
from cipdesk.ateliers.questionnaire.models import LienQuestionnaire
from cipdesk.ateliers.sessions import services
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.core.dates import PARIS, horloge_fixee
from cipdesk.personnes.models import Personne

from tests.http.ateliers.conftest import texte

CONTEXTE = {"file_active_partagee": False}


def _inscrire(ctx, sess, monde, *personnes):
    sess = ctx.get(SessionAtelier, sess.id)
    for p in personnes:
        services.inscrire(ctx, sess, ctx.get(Personne, p.id), par=ctx.merge(monde.conseiller), le=date.today(),
                          contexte=CONTEXTE)
    ctx.commit()


def _ouvrir(nav, sess, moment="a_chaud"):
    url = f"/ateliers/questionnaire/session/{sess.id}"
    r = nav.post(url, {"moment": moment})
    assert r.status_code == 303, texte(r)[:2000]
    adresses = re.findall(r'value="(http://localhost/ateliers/questionnaire/r/[^"]+)"', texte(nav.get(url)))
    assert len(adresses) == 1
    return adresses[0].removeprefix("http://localhost")


def test_la_tablette_du_lien_a_la_reponse(nav, nav_factory, monde, session_passee, personnes, ctx):
    _inscrire(ctx, session_passee, monde, personnes["lea"], personnes["omar"])
    nav.connexion(monde.conseiller.email)
    url = f"/ateliers/questionnaire/session/{session_passee.id}"
    r = nav.post(url, {"moment": ""})
    assert r.status_code == 422 and "Ce champ est obligatoire." in texte(r)   # never assumed « à chaud »
    lien = _ouvrir(nav, session_passee)

    tablette = nav_factory()   # nobody logged in
    page = tablette.get(lien)
    assert page.status_code == 200
    html = texte(page)
    assert "Votre avis sur l'atelier « Numérique : mes démarches en ligne »" in html
    assert "checked" not in html                                             # nothing pre-selected
    for ailleurs in ("Léa", "Durand", "Omar", "Se déconnecter", "/accueil/", "/ateliers/sessions", "Navigation"):
        assert ailleurs not in html, ailleurs                                 # nothing else of the app
    r = tablette.post(lien, {"commentaire": "Très clair"})
    assert r.status_code == 422 and "Choisissez une réponse." in texte(r) and "Très clair" in texte(r)
    assert tablette.post(lien, {"note": "4", "commentaire": "Très clair"}).status_code == 303
    assert "votre réponse est enregistrée" in texte(tablette.get(lien))
    assert tablette.post(lien, {"note": "3"}).status_code == 303
    # two enrolled participants: the third answer is refused
    r = tablette.post(lien, {"note": "1"}, depuis="/connexion")
    assert r.status_code == 410 and "Tous les participants de la session ont déjà répondu" in texte(r)
    ctx.expire_all()
    reponses = ctx.scalars(select(Satisfaction).where(Satisfaction.session_id == session_passee.id)).all()
    assert sorted(s.note for s in reponses) == [3, 4]
    assert {s.moment for s in reponses} == {Moment.A_CHAUD} and all(s.lien_id for s in reponses)
    # the figures of the session count them
    assert "2 questionnaires saisis — satisfaction moyenne 3,5 sur 4" in texte(
        nav.get(f"/ateliers/evaluations/satisfaction/{session_passee.id}"))


def test_jeton_falsifie_ferme_ou_expire(nav, nav_factory, monde, session_passee, personnes, ctx):
    _inscrire(ctx, session_passee, monde, personnes["lea"])
    nav.connexion(monde.conseiller.email)
    lien = _ouvrir(nav, session_passee)
    tablette = nav_factory()
    jeton = lien.rsplit("/", 1)[1]
    autre_id = jeton.split(".")[0][:-2] + ("aa" if not jeton.split(".")[0].endswith("aa") else "bb")
    for faux in ("pas-un-jeton", autre_id + "." + jeton.split(".")[1]):
        r = tablette.get(f"/ateliers/questionnaire/r/{faux}")
        assert r.status_code == 404 and "Ce lien n'existe pas." in texte(r)
    # expires after 2 hours
    objet = ctx.scalar(select(LienQuestionnaire))
    with horloge_fixee(objet.expire_le.astimezone(PARIS) + timedelta(minutes=1)):
        r = tablette.get(lien)
    assert r.status_code == 410 and "Ce lien a expiré." in texte(r) and "Numérique" not in texte(r)
    # a new link closes the previous one
    second = _ouvrir(nav, session_passee, "a_chaud")
    assert second != lien
    r = tablette.get(lien)
    assert r.status_code == 410 and "fermé par l'animateur" in texte(r)
    assert tablette.get(second).status_code == 200
    # closed by hand
    ouvert = ctx.scalar(select(LienQuestionnaire).where(LienQuestionnaire.revoque_le.is_(None)))
    assert nav.post(f"/ateliers/questionnaire/liens/{ouvert.id}/fermer", {},
                    depuis=f"/ateliers/questionnaire/session/{session_passee.id}").status_code == 303
    assert tablette.get(second).status_code == 410


def test_un_collegue_connecte_sur_la_tablette_ne_change_rien(nav, nav_factory, monde, session_passee, personnes,
                                                               ctx):
    """Someone of another structure logged in on the tablet: the link still opens its own
    questionnaire (the structure net follows the link), and nothing of theirs shows."""
    _inscrire(ctx, session_passee, monde, personnes["lea"])
    nav.connexion(monde.conseiller.email)
    lien = _ouvrir(nav, session_passee)
    ailleurs = nav_factory()
    ailleurs.connexion(monde.conseiller_ailleurs.email)
    r = ailleurs.get(lien)
    assert r.status_code == 200 and "Se déconnecter" not in texte(r)
    assert ailleurs.post(lien, {"note": "2"}).status_code == 303
    ctx.expire_all()
    assert ctx.scalar(select(Satisfaction.structure_id)) == monde.structure.id


def test_a_froid_apres_les_semaines_prevues(nav, monde, atelier, session_passee, personnes, ctx):
    from cipdesk.ateliers.conception.models import Atelier

    ctx.get(Atelier, atelier.id).suivi_a_froid_semaines = 4
    ctx.commit()
    _inscrire(ctx, session_passee, monde, personnes["lea"])
    nav.connexion(monde.conseiller.email)
    url = f"/ateliers/questionnaire/session/{session_passee.id}"
    r = nav.post(url, {"moment": "a_froid"})
    prevue = (date.today() - timedelta(days=1) + timedelta(weeks=4)).strftime("%d/%m/%Y")
    assert r.status_code == 422 and f"Le suivi à froid est prévu 4 semaines après la session, à partir du {prevue}" \
        in texte(r)
    assert f"à partir du {prevue} (4 semaines après la session)" in texte(nav.get(f"/ateliers/sessions/{session_passee.id}"))
    r = nav.post(f"/ateliers/evaluations/satisfaction/{session_passee.id}", {"moment": "a_froid", "note": "3"})
    assert r.status_code == 422 and "Le suivi à froid est prévu" in texte(r) and 'selected value="3"' in texte(r)
    with horloge_fixee(datetime.now(PARIS) + timedelta(weeks=4)):
        assert nav.post(url, {"moment": "a_froid"}).status_code == 303


def test_acces_aux_liens(nav_factory, monde, session_passee, personnes, ctx):
    _inscrire(ctx, session_passee, monde, personnes["lea"])
    url = f"/ateliers/questionnaire/session/{session_passee.id}"
    cas = [(monde.admin, "get", 403), (monde.chef, "get", 200), (monde.chef, "post", 403),
           (monde.collegue, "post", 303), (monde.conseiller_ailleurs, "get", 404),
           (monde.conseiller_ailleurs, "post", 404)]
    for utilisateur, methode, attendu in cas:
        nav = nav_factory()
        nav.connexion(utilisateur.email)
        r = nav.get(url) if methode == "get" else nav.post(url, {"moment": "a_chaud"}, depuis="/")
        assert r.status_code == attendu, (utilisateur.role, methode, r.status_code)
    lien = ctx.scalar(select(LienQuestionnaire))
    for utilisateur, attendu in ((monde.chef, 403), (monde.conseiller_ailleurs, 404)):
        nav = nav_factory()
        nav.connexion(utilisateur.email)
        assert nav.post(f"/ateliers/questionnaire/liens/{lien.id}/fermer", {}, depuis="/").status_code == attendu
