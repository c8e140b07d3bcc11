"""The person accompanied, built directly (no service): for tests that need one in a perimeter."""
from __future__ import annotations

import factory

from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.personnes.rules import normaliser_nom
from tests.factories.base import AvecId


class PersonneFactory(AvecId):
    class Meta:
        model = Personne

    nom = factory.Sequence(lambda n: f"Martin{n + 1}")
    prenom = "Alex"
    nom_recherche = factory.LazyAttribute(lambda o: normaliser_nom(o.nom, o.prenom))

    class Params:
        accompagnee = factory.Trait(statut=StatutPersonne.ACCOMPAGNEE)
        sortie = factory.Trait(statut=StatutPersonne.SORTIE)


def monde_et_personne(fabrique, ctx, *, nav=None, **donnees):
    """The world of the person's page tests: `fabrique.monde()` and one person of the
    conseiller's caseload, made by the real service and committed; with `nav`, the conseiller
    is logged in. Returns (monde, personne)."""
    from tests.factories.accueil import personne

    m = fabrique.monde()
    p = personne(ctx, m.conseiller, **donnees)
    ctx.commit()
    if nav is not None:
        nav.connexion(m.conseiller.email)
    return m, p
