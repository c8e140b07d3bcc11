"""The demo generator opens intégrations at several stages, through the real use cases."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.personnes.models import StatutPersonne


def test_demo_integration(fabrique, ctx):
    from cipdesk.integration.demo import remplir_integration
    from cipdesk.integration.suivis.queries import alertes_integration

    s = fabrique.structure(ville="Arles")
    conseiller = fabrique.utilisateur(s)
    personnes = [fabrique.personne(s, referent=conseiller, statut=StatutPersonne.ACCOMPAGNEE) for _ in range(5)]
    remplir_integration(ctx, seed=0, aujourd_hui=date(2026, 12, 1))
    ctx.commit()
    suivis = list(ctx.scalars(select(SuiviIntegration)))
    assert len(suivis) == 5 and all(x.cadre_le for x in suivis)
    faits = sorted(sum(1 for p in x.points if p.fait_le) for x in suivis)
    assert faits == [0, 2, 2, 3, 5]
    assert sorted(x.statut.value for x in suivis) == ["en_cours", "en_cours", "en_cours", "rompu", "termine"]
    assert sum(len(x.mediations) for x in suivis) == 2
    codes = {a.code for a in alertes_integration(ctx, [p.id for p in personnes], date(2026, 12, 1))}
    assert codes == {"risque_rupture", "point_integration_manque"}
