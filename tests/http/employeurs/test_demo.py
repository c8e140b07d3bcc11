"""The demo generator fills a realistic employer base around a structure."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.offres import services as offres
from cipdesk.employeurs.offres.models import Offre
from cipdesk.personnes.models import StatutPersonne


def test_demo_employeurs(fabrique, ctx):
    from cipdesk.employeurs.demo import remplir_employeurs

    s = fabrique.structure(ville="Arles")
    conseiller = fabrique.utilisateur(s)
    for _ in range(3):
        fabrique.personne(s, referent=conseiller, statut=StatutPersonne.ACCOMPAGNEE)
    remplir_employeurs(ctx, s, [conseiller], date(2026, 12, 1))
    ctx.commit()
    assert ctx.scalar(select(func.count()).select_from(Entreprise)) == 6
    signalees = [o for o in ctx.scalars(select(Offre)) if offres.signalements_ouverts(o)]
    assert [o.statut.value for o in signalees] == ["brouillon"]
    from cipdesk.employeurs.immersions.models import Immersion

    immersion = ctx.scalar(select(Immersion))
    assert immersion.statut.value == "realisee" and immersion.embauche_envisagee
    assert sorted(c.etat.value for c in ctx.scalars(select(Candidature))) == ["entretien", "envoyee", "proposee"]
