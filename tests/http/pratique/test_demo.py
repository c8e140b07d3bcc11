"""The demo of « Ma pratique », inside the whole demo (`cipdesk demo`): analyses de pratique of
the demo candidat on her own records, none naming a person of her caseload; a GEASE session
with one of them shared; an incident; a workload alert waiting for the chef."""
from __future__ import annotations

from sqlalchemy import select

from cipdesk.comptes.models import Utilisateur
from cipdesk.pratique.analyses import rules
from cipdesk.pratique.analyses.models import AnalysePratique, SeanceAnalyse
from cipdesk.pratique.analyses.queries import noms_de_la_file_active
from cipdesk.pratique.prevention.models import AlerteCharge, IncidentPublic


def test_demo_pratique(base_demo, app, ctx):
    camille = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "candidat@demo.cipdesk.fr"))
    analyses = list(ctx.scalars(select(AnalysePratique).where(AnalysePratique.auteur_id == camille.id)))
    assert {a.objet_type for a in analyses} == {"entretien", "entretien_projet", "parcours", "session_atelier"}
    noms = noms_de_la_file_active(ctx, camille)
    assert noms
    for a in analyses:
        valeurs = {r: getattr(a, r) for r in rules.RUBRIQUES}
        assert rules.noms_cites(valeurs, noms) == {}
        assert rules.criteres_manquants(valeurs) == []
    seance = ctx.scalar(select(SeanceAnalyse))
    assert camille.id in seance.participants_ids
    assert sum(1 for a in analyses if a.seance_id == seance.id) == 1
    assert ctx.scalar(select(IncidentPublic)).declare is True
    alerte = ctx.scalar(select(AlerteCharge))
    assert alerte.prise_en_compte_le is None and alerte.message
