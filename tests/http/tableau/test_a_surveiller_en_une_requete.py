"""Issue #17: « À surveiller aujourd'hui » reads its three figures in ONE statement
(`chiffres_reunis`), the same figures as each indicator's own query, with and without filters."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from cipdesk.core import dates
from cipdesk.tableau import queries
from cipdesk.tableau.rules import Filtres
from tests.factories.tableau import AUJ, DEBUT, FIN, monde_du_tableau
from tests.http.requetes import compter_requetes


@pytest.fixture
def monde(ctx, fabrique):
    return monde_du_tableau(ctx, fabrique)


def _figures(c: queries.Chiffres):
    return ([(l.cle, l.libelle, l.nombre, l.total_jours, l.max_jours) for l in c.lignes],
            [(l.cle, l.nombre, l.total_jours, l.max_jours) for l in c.groupes])


@pytest.mark.parametrize("filtres", [{}, {"public": "rsa"}, {"dispositif": "plie"}])
def test_memes_chiffres_qu_indicateur_par_indicateur(ctx, monde, filtres):
    contexte = queries.contexte(ctx, monde.chef, AUJ, Filtres(DEBUT, FIN, **filtres))
    inds = [queries.INDICATEURS[c] for c in ("urgences", "etapes_en_retard", "sans_contact")]
    reunis = queries.chiffres_reunis(ctx, contexte, inds)
    for ind in inds:
        assert _figures(reunis[ind.code]) == _figures(queries.chiffres(ctx, contexte, ind)), ind.code
    if not filtres:
        assert sum(l.nombre for c in reunis.values() for l in c.lignes) > 0


def test_la_vue_lit_ses_trois_chiffres_en_une_requete(app, nav, monde, monkeypatch):
    dates.regler_horloge(lambda: datetime(AUJ.year, AUJ.month, AUJ.day, 12, tzinfo=dates.PARIS))
    try:
        nav.connexion(monde.chef.email)
        url = "/tableau-de-bord/?section=a-surveiller"
        nav.get(url)   # warm-up (session, user)
        reunis = compter_requetes(app, nav, url)
        monkeypatch.setattr(queries, "EN_UNE_REQUETE", frozenset())
        assert compter_requetes(app, nav, url) == reunis + 2
    finally:
        dates.regler_horloge(lambda: datetime.combine(date.today(), datetime.now().time(), tzinfo=dates.PARIS))
