"""Issue 12: attendance grid (CP10), émargement PDF, attestation, alerts and timeline,
evaluations, satisfaction and bilan; access."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from cipdesk.ateliers.presences.models import Presence
from cipdesk.ateliers.presences.rules import StatutPresence
from cipdesk.ateliers.sessions import services
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.core.contrat import registre
from cipdesk.personnes.models import Personne
from cipdesk.personnes.queries import alertes_pour

from tests.http.ateliers.conftest import creer_session, texte

CONTEXTE = {"file_active_partagee": False}


def _inscrire(ctx, sess, monde, *personnes):
    sess = ctx.get(SessionAtelier, sess.id)
    faites = [services.inscrire(ctx, sess, ctx.get(Personne, p.id), par=ctx.merge(monde.conseiller),
                                le=date.today(), contexte=CONTEXTE) for p in personnes]
    ctx.commit()
    return faites


def test_grille_de_presence(nav, monde, session_passee, personnes, ctx):
    lea, omar = _inscrire(ctx, session_passee, monde, personnes["lea"], personnes["omar"])
    demi = ctx.get(SessionAtelier, session_passee.id).demi_journees[0]
    nav.connexion(monde.conseiller.email)
    url = f"/ateliers/presences/{demi.id}"
    page = texte(nav.get(url))
    assert "Léa Durand" in page and "En retard" in page
    assert "checked" not in page  # nothing pre-selected
    r = nav.post(url, {f"statut-{lea.id}": "present", f"statut-{omar.id}": "inconnu"})
    assert r.status_code == 422 and "Choisissez présent, absent, excusé ou en retard." in texte(r)
    assert 'value="present" checked' in texte(r)  # what was chosen is kept
    r = nav.post(url, {f"statut-{lea.id}": "present", f"statut-{omar.id}": "absent"})
    assert r.status_code == 303
    ctx.expire_all()
    assert {p.statut for p in ctx.scalars(select(Presence))} == {StatutPresence.PRESENT, StatutPresence.ABSENT}
    # ★ attendance updates the last contact (contact_realise signal)
    assert ctx.get(Personne, personnes["lea"].id).dernier_contact_le == demi.le
    assert ctx.get(Personne, personnes["omar"].id).dernier_contact_le is None
    # an unexcused absence raises an alert for the référent
    alertes = alertes_pour(ctx, [personnes["omar"].id, personnes["lea"].id], date.today())
    assert [a.code for a in alertes[personnes["omar"].id]] == ["absence_atelier"]
    assert personnes["lea"].id not in alertes
    # the person's timeline
    evenements = [e for f in registre.chronologie() for e in f(ctx, ctx.get(Personne, personnes["omar"].id),
                                                              monde.conseiller)]
    natures = {e.nature for e in evenements}
    assert {"inscription_atelier", "presence_atelier"} <= natures


def test_pas_de_presence_pour_une_demi_journee_a_venir(nav, monde, atelier, personnes, ctx):
    sess = creer_session(ctx, atelier, monde.conseiller, jour=date.today() + timedelta(days=3))
    (lea,) = _inscrire(ctx, sess, monde, personnes["lea"])
    demi = ctx.get(SessionAtelier, sess.id).demi_journees[0]
    nav.connexion(monde.conseiller.email)
    r = nav.post(f"/ateliers/presences/{demi.id}", {f"statut-{lea.id}": "present"})
    assert r.status_code == 422 and "n'a pas encore eu lieu" in texte(r)


def test_emargement_et_attestation(nav, monde, session_passee, personnes, ctx):
    (lea,) = _inscrire(ctx, session_passee, monde, personnes["lea"])
    demi = ctx.get(SessionAtelier, session_passee.id).demi_journees[0]
    nav.connexion(monde.conseiller.email)
    nav.post(f"/ateliers/presences/{demi.id}", {f"statut-{lea.id}": "retard"})
    pdf = nav.get(f"/ateliers/presences/{demi.id}/emargement.pdf")
    assert pdf.status_code == 200 and pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    import subprocess

    contenu = " ".join(subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.data, capture_output=True,
                                      check=True).stdout.decode().split())   # lines wrap where the page says
    for attendu in ("Feuille d'émargement — Numérique : mes démarches en ligne", f"{demi.le:%d/%m/%Y} (matin)",
                    "9 h – 12 h", "Salle 1", "Médiatrice numérique", "Léa Durand", "Signature",
                    "Signature des animateurs"):
        assert attendu in contenu, attendu
    attestation = nav.get(f"/ateliers/presences/attestation/{lea.id}.pdf")
    assert attestation.status_code == 200 and attestation.data.startswith(b"%PDF")
    convocation = nav.get(f"/ateliers/sessions/inscriptions/{lea.id}/convocation.pdf")
    assert convocation.status_code == 200 and convocation.data.startswith(b"%PDF")
    scenario = nav.get(f"/ateliers/{session_passee.atelier_id}/scenario.pdf")
    assert scenario.status_code == 200 and scenario.data.startswith(b"%PDF")


def test_evaluation_satisfaction_et_bilan(nav, monde, session_passee, personnes, ctx):
    (lea,) = _inscrire(ctx, session_passee, monde, personnes["lea"])
    sess = ctx.get(SessionAtelier, session_passee.id)
    objectif = sess.atelier.objectifs[0]
    nav.connexion(monde.conseiller.email)
    url = f"/ateliers/evaluations/participant/{lea.id}"
    page = texte(nav.get(url))
    assert "Être capable de envoyer un courriel" in page and "checked" not in page
    r = nav.post(url, {})
    assert r.status_code == 422 and "Choisissez un résultat pour au moins un objectif." in texte(r)
    r = nav.post(url, {f"resultat-{objectif.id}": "partiel", f"commentaire-{objectif.id}": "Pièce jointe à revoir"})
    assert r.status_code == 303
    url_satisfaction = f"/ateliers/evaluations/satisfaction/{sess.id}"
    r = nav.post(url_satisfaction, {"note": "9", "commentaire": "Super"})
    assert r.status_code == 422 and "Super" in texte(r)
    assert nav.post(url_satisfaction, {"note": "4", "moment": "a_chaud"}).status_code == 303
    r = nav.post(url_satisfaction, {"note": "3", "moment": ""})
    assert r.status_code == 422 and "Ce champ est obligatoire." in texte(r)
    assert nav.post(url_satisfaction, {"note": "3", "moment": "a_froid"}).status_code == 303
    url_bilan = f"/ateliers/bilan/{sess.id}"
    r = nav.post(url_bilan, {"ecarts": "", "ajustements": "", "analyse_pratique": "Texte d'un ancien formulaire"})
    assert r.status_code == 422 and "Décrivez au moins les écarts" in texte(r)
    # the analyse de pratique is no longer a field of the bilan (pratique module, encrypted, private)
    assert 'name="analyse_pratique"' not in texte(r) and "Texte d'un ancien formulaire" not in texte(r)
    assert "Écrire une analyse de pratique de cette situation" in texte(r)
    assert nav.post(url_bilan, {"ecarts": "Plus long que prévu", "ajustements": "Identifiants en amont"}
                    ).status_code == 303
    page = texte(nav.get(url_bilan))
    assert "4,0 sur 4" in page and "3,0 sur 4" in page and "Partiellement atteint" in page and "Plus long que prévu" in page
    evenements = [e for f in registre.chronologie() for e in f(ctx, ctx.get(Personne, personnes["lea"].id),
                                                              monde.conseiller)]
    assert any(e.nature == "evaluation_atelier" for e in evenements)


def test_acces_presences_evaluations_bilan(nav_factory, monde, session_passee, personnes, ctx):
    (lea,) = _inscrire(ctx, session_passee, monde, personnes["lea"])
    sess = ctx.get(SessionAtelier, session_passee.id)
    demi = sess.demi_journees[0]
    grille = f"/ateliers/presences/{demi.id}"
    evaluation = f"/ateliers/evaluations/participant/{lea.id}"
    attestation = f"/ateliers/presences/attestation/{lea.id}.pdf"
    bilan = f"/ateliers/bilan/{sess.id}"
    cas = [
        (monde.admin, "get", grille, 403), (monde.admin, "get", bilan, 403),
        (monde.chef, "get", bilan, 200), (monde.chef, "post", bilan, 403), (monde.chef, "post", grille, 403),
        (monde.chef, "get", evaluation, 403),   # figures, not the comments on a participant
        (monde.chef, "get", attestation, 200),  # the référent's chef may see the person
        (monde.chef, "post", evaluation, 403),
        (monde.collegue, "get", evaluation, 403), (monde.collegue, "get", attestation, 403),
        (monde.collegue, "get", f"/ateliers/sessions/inscriptions/{lea.id}/convocation.pdf", 403),
        (monde.conseiller_ailleurs, "get", grille, 404), (monde.conseiller_ailleurs, "get", evaluation, 404),
        (monde.conseiller_ailleurs, "get", attestation, 404), (monde.conseiller_ailleurs, "get", bilan, 404),
        (monde.chef_ailleurs, "get", f"{grille}/emargement.pdf", 404),
    ]
    for utilisateur, methode, chemin, attendu in cas:
        nav = nav_factory()
        nav.connexion(utilisateur.email)
        r = nav.get(chemin) if methode == "get" else nav.post(chemin, {"ecarts": "x"}, depuis="/")
        assert r.status_code == attendu, (utilisateur.role, methode, chemin, r.status_code)
    # the colleague sees the grid without the name of a person outside their caseload
    nav = nav_factory()
    nav.connexion(monde.collegue.email)
    page = texte(nav.get(grille))
    assert "Léa Durand" not in page and f"statut-{lea.id}" not in page
