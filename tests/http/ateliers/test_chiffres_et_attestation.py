"""Issue 12, points 8 and 10: the objectives reached on the attestation (on request, for who
may evaluate), the figures of an atelier over all its sessions, and the extension point where
the pratique module attaches its analyses to a bilan."""
from __future__ import annotations

import subprocess
from datetime import date, time, timedelta

from cipdesk.ateliers.evaluations.rules import Moment, Resultat
from cipdesk.ateliers.evaluations.services import ajouter_satisfaction, evaluer
from cipdesk.ateliers.presences.rules import StatutPresence
from cipdesk.ateliers.presences.services import enregistrer_presences
from cipdesk.ateliers.sessions import services
from cipdesk.ateliers.sessions.models import SessionAtelier
from cipdesk.ateliers.sessions.rules import Periode
from cipdesk.core.contrat import registre
from cipdesk.personnes.models import Personne

from tests.http.ateliers.conftest import creer_session, texte

CONTEXTE = {"file_active_partagee": False}


def _deroulee(ctx, sess, monde, personnes, statuts, resultats, notes):
    sess = ctx.get(SessionAtelier, sess.id)
    conseiller = ctx.merge(monde.conseiller)
    inscrits = [services.inscrire(ctx, sess, ctx.get(Personne, p.id), par=conseiller, le=date.today(),
                                  contexte=CONTEXTE) for p in personnes]
    demi = sess.demi_journees[0]
    enregistrer_presences(ctx, demi, par=conseiller, le=date.today(),
                          statuts={i.id: s for i, s in zip(inscrits, statuts, strict=True)})
    objectif = sess.atelier.objectifs[0]
    for i, r in zip(inscrits, resultats, strict=True):
        evaluer(ctx, i, par=conseiller, le=date.today(), resultats={objectif.id: (r, "")})
    for n in notes:
        ajouter_satisfaction(ctx, sess, par=conseiller, le=date.today(), note=n, commentaire="", moment=Moment.A_CHAUD)
    ctx.commit()
    return inscrits


def _texte_pdf(contenu: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=contenu, capture_output=True, check=True
                          ).stdout.decode()


def test_attestation_avec_les_objectifs_atteints(nav_factory, monde, session_passee, personnes, ctx):
    (lea,) = _deroulee(ctx, session_passee, monde, [personnes["lea"]], [StatutPresence.PRESENT],
                       [Resultat.PARTIEL], [])
    nav = nav_factory()
    nav.connexion(monde.conseiller.email)
    simple = _texte_pdf(nav.get(f"/ateliers/presences/attestation/{lea.id}.pdf").data)
    assert "Léa Durand" in simple and "Objectifs pédagogiques" not in simple
    avec = nav.get(f"/ateliers/presences/attestation/{lea.id}.pdf?evaluations=1")
    assert avec.status_code == 200
    contenu = _texte_pdf(avec.data)
    assert "Objectifs pédagogiques" in contenu and "envoyer un courriel : partiellement atteint" in contenu
    assert "Attestation avec les objectifs atteints" in texte(nav.get(f"/ateliers/sessions/{session_passee.id}"))
    # the chef de service sees the attendance attestation, not a participant's results
    for utilisateur, attendu in ((monde.chef, 403), (monde.collegue, 403), (monde.conseiller_ailleurs, 404)):
        autre = nav_factory()
        autre.connexion(utilisateur.email)
        assert autre.get(f"/ateliers/presences/attestation/{lea.id}.pdf?evaluations=1").status_code == attendu


def test_chiffres_de_l_atelier_toutes_sessions(nav, monde, atelier, session_passee, personnes, ctx):
    _deroulee(ctx, session_passee, monde, [personnes["lea"], personnes["omar"]],
              [StatutPresence.PRESENT, StatutPresence.ABSENT], [Resultat.ATTEINT, Resultat.NON_ATTEINT], [4, 3])
    seconde = creer_session(ctx, atelier, monde.conseiller, jour=date.today() - timedelta(days=8))
    _deroulee(ctx, seconde, monde, [personnes["ines"]], [StatutPresence.RETARD], [Resultat.ATTEINT], [2])
    nav.connexion(monde.chef.email)   # figures, no name
    page = texte(nav.get(f"/ateliers/{atelier.id}"))
    assert "Chiffres de l'atelier, toutes sessions" in page
    assert "3 participants inscrits" in page
    assert "66,7 %" in page                    # 2 came out of 3 expected
    assert "3,0 sur 4 (3 questionnaires)" in page
    assert "3,5 sur 4 (2)" in page and "2,0 sur 4 (1)" in page   # per session
    assert "<td>1. envoyer un courriel</td><td>2</td><td>0</td><td>1</td>" in page.replace("\n", "")
    # No participant's name in the page's content (the header names the logged-in chef, whose
    # random name may share a first name with a participant).
    contenu = page.split("<main", 1)[1]
    for nom in ("Léa", "Omar", "Inès"):
        assert nom not in contenu


def test_l_analyse_de_pratique_se_rattache_depuis_le_bilan(nav, monde, session_passee, ctx):
    """Point 10: the bilan offers the pratique module's encarts for the session animated (REAC
    CP10 « Analyser sa pratique d'animation »), and the bilan evidences CP10 with a link that opens."""
    from sqlalchemy import select

    from cipdesk.ateliers.bilan.services import enregistrer_bilan
    from cipdesk.competences.models import PreuveCompetence

    enregistrer_bilan(ctx, ctx.get(SessionAtelier, session_passee.id), par=ctx.merge(monde.conseiller),
                      le=date.today(), version=None, ecarts="Plus long que prévu", ajustements="")
    ctx.commit()
    preuve = ctx.scalar(select(PreuveCompetence).where(PreuveCompetence.objet_type == "bilan_atelier"))
    assert preuve.competence_code == "CP10" and preuve.objet_id == session_passee.id
    nav.connexion(monde.conseiller.email)
    assert nav.get(registre.objet("bilan_atelier").endpoint and f"/ateliers/bilan/{preuve.objet_id}").status_code == 200
    page = texte(nav.get(f"/ateliers/bilan/{session_passee.id}"))
    assert "Écrire une analyse de pratique de cette situation" in page
    assert f"objet_type=session_atelier&amp;objet_id={session_passee.id}" in page.replace("&amp;", "&amp;") or \
        f"objet_type=session_atelier&objet_id={session_passee.id}" in page
