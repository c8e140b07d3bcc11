"""The demo of the person's rights (`cipdesk demo`): notices given, a person near the end of the
retention period on the chef's list, a request of access with an author's decision, a rectification."""
from __future__ import annotations

from sqlalchemy import func, select

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.droits import queries
from cipdesk.droits.models import DecisionNote, DemandeAcces, NoticeRemise, Rectification


def test_demo_droits(base_demo, app, ctx):
    assert ctx.scalar(select(func.count()).select_from(NoticeRemise)) >= 5
    assert len({n.mode for n in ctx.scalars(select(NoticeRemise))}) >= 3
    chef = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "chef@demo.cipdesk.fr"))
    echeances = queries.bientot_a_echeance(ctx, chef, aujourdhui())
    assert echeances and not any(e.depassee for e in echeances)
    assert ctx.scalar(select(DemandeAcces)) is not None and ctx.scalar(select(DecisionNote)) is not None
    assert ctx.scalar(select(Rectification)).anciennes_valeurs
