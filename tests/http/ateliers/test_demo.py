"""Issue 12: the demo ateliers — two ateliers with a progression, a past session with
attendance, evaluations, satisfaction and a bilan, an upcoming session."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from cipdesk.ateliers.demo import remplir_ateliers
from cipdesk.ateliers.models import (Atelier, BilanAtelier, DemiJournee, EvaluationObjectif, Presence, Satisfaction,
                                    SessionAtelier)
from cipdesk.core.contrat import registre
from cipdesk.personnes.models import StatutPersonne


def test_demo_des_ateliers(ctx, fabrique, monde, nav):
    for n in range(6):
        fabrique.personne(monde.structure, referent=monde.conseiller, nom=f"Demo{n}", statut=StatutPersonne.ACCOMPAGNEE)
    aujourd_hui = date.today()
    ateliers = remplir_ateliers(ctx, monde.structure, [ctx.merge(monde.conseiller)], aujourd_hui)
    ctx.commit()
    assert len(ateliers) == 2 and all(len(a.sequences) >= 3 for a in ateliers)
    assert ctx.scalar(select(func.count(SessionAtelier.id))) == 3
    assert ctx.scalar(select(func.count(Presence.id))) == 12
    assert ctx.scalar(select(func.count(EvaluationObjectif.id))) >= 6
    assert ctx.scalar(select(func.count(BilanAtelier.id))) == 1
    # satisfaction: two paper questionnaires, three answers on the tablet through a link expired since
    assert ctx.scalar(select(func.count(Satisfaction.id))) == 5
    assert ctx.scalar(select(func.count(Satisfaction.id)).where(Satisfaction.lien_id.is_not(None))) == 3
    assert ctx.scalar(select(func.count(DemiJournee.id)).where(DemiJournee.le > aujourd_hui)) == 2
    assert registre.objet("atelier").endpoint == "ateliers.conception.voir"
    nav.connexion(monde.conseiller.email)
    for atelier in ctx.scalars(select(Atelier)):
        assert nav.get(f"/ateliers/{atelier.id}").status_code == 200
    for sess in ctx.scalars(select(SessionAtelier)):
        assert nav.get(f"/ateliers/sessions/{sess.id}").status_code == 200
        assert nav.get(f"/ateliers/bilan/{sess.id}").status_code == 200
    page = nav.get("/ateliers/").get_data(as_text=True)
    assert "Numérique : mes démarches en ligne" in page
