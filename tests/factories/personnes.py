"""The person accompanied, built directly (no service): for tests that need one in a perimeter."""
from __future__ import annotations

import uuid

import factory

from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.personnes.rules import normaliser_nom
from tests.factories.base import compteur


class PersonneFactory(factory.Factory):
    class Meta:
        model = Personne

    id = factory.LazyFunction(uuid.uuid4)
    nom = factory.LazyFunction(lambda: f"Martin{compteur()}")
    prenom = "Alex"
    nom_recherche = factory.LazyAttribute(lambda o: normaliser_nom(o.nom, o.prenom))

    class Params:
        accompagnee = factory.Trait(statut=StatutPersonne.ACCOMPAGNEE)
        sortie = factory.Trait(statut=StatutPersonne.SORTIE)
